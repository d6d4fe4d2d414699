import { type Signal, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { type Loaded, failureWords } from './my-space-api';

/** One card's answer as it is being given: a choice, their own words, and how sending went. */
export interface CardAnswer<C> {
  choice: C | null;
  words: string;
  sending: boolean;
  message: string | null;
  problem: string | null;
}

export interface CardAnswers<T, C> {
  /** The cards, each as the server last sent it back. */
  list(): T[];
  /** Plain words for a failed load, or ''. */
  failure(): string;
  /** The card's answer so far: what they said before, until they change it. */
  answerOf(card: T): CardAnswer<C>;
  choose(card: T, choice: C): void;
  write(card: T, event: Event): void;
  /** Sends the answer (their words as typed), or says `chooseFirst` when nothing is chosen; `saved` once it is in. */
  send(card: T, request: (choice: C, words: string) => Observable<T>): void;
}

/**
 * A young expert's list of cards, each answered with one choice and their own words (how well we
 * responded, whether a promise was kept): the answers as they are given, sent one card at a time,
 * with plain words for what happened. Call in an injection context, with the page's loaded list.
 */
export function cardAnswers<T, C>(options: {
  cards: Signal<Loaded<T[]>>;
  id: (card: T) => string;
  /** What they said before, if anything. */
  before: (card: T) => { choice: C; words: string | null } | null;
  words: { chooseFirst: string; saved: string };
}): CardAnswers<T, C> {
  const answers = signal<Record<string, CardAnswer<C>>>({});
  const updated = signal<Record<string, T>>({});

  const list = (): T[] => {
    const loaded = options.cards();
    const changed = updated();
    return loaded.state === 'ready' ? loaded.value.map((card) => changed[options.id(card)] ?? card) : [];
  };
  const answerOf = (card: T): CardAnswer<C> => {
    const before = options.before(card);
    return (
      answers()[options.id(card)] ?? {
        choice: before?.choice ?? null,
        words: before?.words ?? '',
        sending: false,
        message: null,
        problem: null,
      }
    );
  };
  const change = (id: string, patch: Partial<CardAnswer<C>>): void => {
    const card = list().find((c) => options.id(c) === id);
    if (!card) return;
    answers.update((all) => ({ ...all, [id]: { ...answerOf(card), ...patch } }));
  };

  return {
    list,
    failure: () => {
      const loaded = options.cards();
      return loaded.state === 'failed' ? loaded.message : '';
    },
    answerOf,
    choose: (card, choice) => change(options.id(card), { choice, message: null, problem: null }),
    write: (card, event) =>
      change(options.id(card), { words: (event.target as HTMLTextAreaElement).value, message: null }),
    send: (card, request) => {
      const id = options.id(card);
      const answer = answerOf(card);
      if (answer.choice === null) {
        change(id, { problem: options.words.chooseFirst });
        return;
      }
      change(id, { sending: true, problem: null, message: null });
      request(answer.choice, answer.words).subscribe({
        next: (saved) => {
          updated.update((all) => ({ ...all, [id]: saved }));
          change(id, { sending: false, message: options.words.saved });
        },
        error: (error: unknown) => change(id, { sending: false, problem: failureWords(error) }),
      });
    },
  };
}
