import { parentPort, threadId } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { getPriority } from 'node:os';
import { kernelThreadId, serveRenderers } from '@heard/api/platform/jobs/render-thread';

/** Renderers for render-thread.integration-spec.ts: each shows one way a document can go on a thread. */
export const TEST_RENDERERS = {
  /** Says which thread made it. */
  echo: async (facts: { words: string }) => new TextEncoder().encode(`${facts.words} (thread ${threadId})`),
  /** Says how nice the thread is, as the kernel has it. */
  niceness: async () => {
    const tid = kernelThreadId();
    return new TextEncoder().encode(JSON.stringify({ tid, thread: tid === null ? null : getPriority(tid) }));
  },
  /** Reports each step before it ends. */
  stepped: async (facts: { steps: number }, progress: (step: number, steps: number) => Promise<void>) => {
    for (let step = 1; step <= facts.steps; step++) await progress(step, facts.steps);
    return new TextEncoder().encode(`${facts.steps} steps`);
  },
  /** Throws as a renderer does on text it cannot draw. */
  refused: async () => {
    throw new TypeError('These words cannot be drawn.');
  },
  /** Throws where no promise catches it, as a library's callback can: the thread dies. */
  crash: () =>
    new Promise<Uint8Array>(() => {
      setImmediate(() => {
        throw new RangeError('Out of the blue.');
      });
    }),
  /** Keeps everything it makes, past the thread's heap. */
  greedy: async () => {
    const kept: number[][] = [];
    for (;;) kept.push(new Array<number>(1_000_000).fill(kept.length));
  },
  /** Takes its time, so a stop arrives while it is being made. */
  slow: async (facts: { ms: number }) => {
    await sleep(facts.ms);
    return new TextEncoder().encode('slow and done');
  },
};

serveRenderers(parentPort, TEST_RENDERERS);
