import { Injectable } from '@angular/core';

/**
 * Reading words aloud with the browser's own speech synthesis: it runs on the device, so it
 * works without signal. Only when asked: nothing is ever read out on its own.
 */
@Injectable({ providedIn: 'root' })
export class ReadAloud {
  private readonly synth: SpeechSynthesis | null =
    typeof globalThis.speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function'
      ? globalThis.speechSynthesis
      : null;

  /** False where the browser has no speech synthesis: the "Read aloud" buttons are then left out. */
  readonly available = this.synth !== null;

  read(words: string): void {
    if (!this.synth) return;
    // A second tap starts the new words rather than queueing them behind the old.
    this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = 'en-GB';
    this.synth.speak(utterance);
  }
}
