import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { getPriority } from 'node:os';
import {
  RENDER_THREAD_NICENESS,
  RenderThread,
  RenderThreadStopped,
} from '@heard/api/platform/jobs/render-thread';
import { bundleThread } from './support/bundle-thread';
import type { TEST_RENDERERS } from './support/test-render-thread';

/**
 * The document thread's plumbing (ADR 0038) on real worker threads: a document comes back from
 * another thread, its progress arrives in order and before it, a renderer's error keeps its name,
 * and a thread that dies fails only what it was making, the next document starting a new one.
 * The plan's and the reports' own documents go through the API's thread in their specs.
 */
describe('the render thread', () => {
  let script: string;
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  beforeAll(async () => {
    script = await bundleThread(join(__dirname, 'support', 'test-render-thread.ts'), 'test-render-thread');
  });
  afterAll(() => rmSync(script, { force: true }));

  const started: RenderThread<typeof TEST_RENDERERS>[] = [];
  const threadOf = (
    niceness?: ConstructorParameters<typeof RenderThread>[1],
    limits?: ConstructorParameters<typeof RenderThread>[2],
    deadlineMs?: ConstructorParameters<typeof RenderThread>[3],
  ) => {
    const thread = new RenderThread<typeof TEST_RENDERERS>(script, niceness, limits, deadlineMs);
    started.push(thread);
    return thread;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((t) => t.stop()));
  });

  it('makes the document on another thread and hands its bytes back', async () => {
    const thread = threadOf();
    const [one, two] = await Promise.all([
      thread.render('echo', { words: 'First' }),
      thread.render('echo', { words: 'Second' }),
    ]);
    const madeOn = (text: string) => Number(/\(thread (\d+)\)$/.exec(text)?.[1]);
    expect(decode(one)).toMatch(/^First \(thread \d+\)$/);
    expect(decode(two)).toMatch(/^Second \(thread \d+\)$/);
    expect(madeOn(decode(one))).not.toBe(threadId);
    // One thread for the process: both made on it.
    expect(madeOn(decode(two))).toBe(madeOn(decode(one)));
  });

  const nicenessOf = async (thread: RenderThread<typeof TEST_RENDERERS>) =>
    JSON.parse(decode(await thread.render('niceness', {} as never))) as {
      tid: number | null;
      thread: number | null;
    };

  // Linux, where Heard runs and CI runs: a thread has a nice value of its own.
  it.each([
    {
      case: 'by default',
      niceness: undefined,
      expected: (before: number) => Math.max(before, RENDER_THREAD_NICENESS),
    },
    { case: 'as configured', niceness: 15, expected: (before: number) => Math.max(before, 15) },
    { case: 'not at all when configured so', niceness: 0, expected: (before: number) => before },
  ])(
    'gives way to the requests $case: its own priority is lowered, not the process’s',
    async ({ niceness, expected }) => {
      expect(process.platform).toBe('linux');
      const before = getPriority(0);
      const seen = await nicenessOf(threadOf(niceness));
      expect(seen.tid).not.toBeNull();
      expect(seen.tid).not.toBe(process.pid);
      expect(seen.thread).toBe(expected(before));
      // The requests' thread is as it was.
      expect(getPriority(0)).toBe(before);
    },
  );

  it('passes every step on, in order, before the document', async () => {
    const thread = threadOf();
    const seen: string[] = [];
    const bytes = await thread.render('stepped', { steps: 4 }, async (step, steps) => {
      // Each step is written before the next one starts, as the jobs write them to the database.
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(`${step}/${steps}`);
    });
    seen.push(decode(bytes));
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4', '4 steps']);
  });

  it("fails with the renderer's own error, by name, and goes on making the next", async () => {
    const thread = threadOf();
    const refused = thread.render('refused', {} as never);
    await expect(refused).rejects.toMatchObject({
      name: 'TypeError',
      message: 'These words cannot be drawn.',
    });
    expect(decode(await thread.render('echo', { words: 'Still here' }))).toMatch(/^Still here/);
  });

  it('fails the document when its progress cannot be written, after the steps before it', async () => {
    const thread = threadOf();
    const written: number[] = [];
    const made = thread.render('stepped', { steps: 3 }, async (step) => {
      if (step === 2) throw new Error('The database went away.');
      written.push(step);
    });
    await expect(made).rejects.toThrow('The database went away.');
    expect(written).toEqual([1, 3]);
    expect(decode(await thread.render('echo', { words: 'Next' }))).toMatch(/^Next/);
  });

  it('fails a document whose facts cannot be sent, alone, and still stops', async () => {
    const thread = threadOf();
    const notData = { words: 'x', draw: () => 'a function is not data' } as { words: string };
    await expect(thread.render('echo', notData)).rejects.toThrow(/could not be cloned/);
    expect(decode(await thread.render('echo', { words: 'Plain' }))).toMatch(/^Plain/);
    await thread.stop();
  });

  it('ends a thread whose document takes past its deadline, and makes the next on a new one', async () => {
    const thread = threadOf(undefined, undefined, 100);
    await expect(thread.render('slow', { ms: 60_000 })).rejects.toThrow(
      'The document took longer than 0.1 s; its thread was ended.',
    );
    expect(decode(await thread.render('echo', { words: 'Quick' }))).toMatch(/^Quick/);
  });

  it('takes no more documents once stopped', async () => {
    const thread = threadOf();
    await thread.render('echo', { words: 'Before' });
    await thread.stop();
    await expect(thread.render('echo', { words: 'After' })).rejects.toThrow(
      'The document thread has been stopped.',
    );
  });

  it('refuses a renderer it does not have', async () => {
    const thread = threadOf();
    await expect(thread.render('nothing' as 'echo', { words: 'x' })).rejects.toThrow(
      'No renderer called nothing.',
    );
  });

  it('fails what a dying thread was making, and makes the next on a new thread', async () => {
    const thread = threadOf();
    const before = decode(await thread.render('echo', { words: 'Before' }));
    await expect(thread.render('crash', {} as never)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'Out of the blue.',
    });
    const after = decode(await thread.render('echo', { words: 'After' }));
    expect(after).toMatch(/^After \(thread \d+\)$/);
    expect(after.replace('After', '')).not.toBe(before.replace('Before', ''));
  });

  it('ends a thread that outgrows its heap, not the process', async () => {
    const thread = threadOf(undefined, { maxOldGenerationSizeMb: 32 });
    await expect(thread.render('greedy', {} as never)).rejects.toMatchObject({
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    expect(decode(await thread.render('echo', { words: 'Recovered' }))).toMatch(/^Recovered/);
  });

  it('lets the document being made finish when it is stopped', async () => {
    const thread = threadOf();
    const slow = thread.render('slow', { ms: 200 });
    await thread.stop();
    expect(decode(await slow)).toBe('slow and done');
  });

  it('says so when no thread was built, or it is not where the config says', async () => {
    const none = new RenderThread<typeof TEST_RENDERERS>(null).render('echo', { words: 'Nowhere' });
    await expect(none).rejects.toBeInstanceOf(RenderThreadStopped);
    await expect(none).rejects.toThrow('No document thread was built: run npm run build.');
    const missing = join(__dirname, 'support', 'no-such-thread.js');
    await expect(
      new RenderThread<typeof TEST_RENDERERS>(missing).render('echo', { words: 'x' }),
    ).rejects.toThrow(`No document thread at ${missing}: run npm run build.`);
  });
});
