import { readlinkSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { getPriority, setPriority } from 'node:os';
import { MessagePort, ResourceLimits, Worker, workerData } from 'node:worker_threads';

/**
 * Documents (the plan's PDF, the reports' PDF and DOCX) are made on a worker thread, not on the
 * thread that answers requests (ADR 0038): laying out a plan takes seconds of CPU, and on the main
 * thread every request queued behind it waited. The thread is one for the process, started when
 * the first document is asked for and kept while the process lives; it never holds the process
 * open while idle.
 */

/** How far a document has got, as the document jobs record it for the page's progress bar. */
export type RenderProgress = (step: number, steps: number) => Promise<void>;

/** A renderer as the thread runs it: plain data in (structured-cloned), the document's bytes out. */
export type Renderer<Facts> = (facts: Facts, progress: RenderProgress) => Promise<Uint8Array>;

// Renderers by name; each one's facts are read from the registry itself (FactsOf).
type Renderers = Record<string, Renderer<never>>;

/** What a renderer of the registry takes: the facts its first parameter names. */
export type FactsOf<R> = R extends Renderer<infer F> ? F : never;

interface RenderRequest {
  id: number;
  name: string;
  facts: unknown;
}

type RenderReply =
  | { id: number; progress: [number, number] }
  | { id: number; bytes: Uint8Array }
  | { id: number; error: { name: string; message: string } };

/**
 * How much the thread gives way to the requests' thread when both want a core, by default: Linux's
 * nice 10 gets about a tenth of the time a busy nice-0 thread gets. A document waits longer when
 * the machine is busy; a request does not wait for a document. DOCUMENT_THREAD_NICENESS sets it.
 */
export const RENDER_THREAD_NICENESS = 10;

/** What the thread is told when it starts. */
interface RenderThreadData {
  niceness: number;
}

/**
 * The calling thread's id as the kernel knows it, where it can tell (Linux's /proc/thread-self
 * reads "pid/task/tid"); null elsewhere.
 */
export function kernelThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers this thread's priority only: on Linux a thread's nice value is its own. Elsewhere (no
 * thread id to name) the thread runs at the process's priority, as before this existed.
 */
function giveWayToRequests(niceness: number): void {
  const tid = kernelThreadId();
  if (tid === null) return;
  try {
    // Never raised: a process started nicer than this keeps its thread as nice.
    setPriority(tid, Math.max(getPriority(tid), niceness));
  } catch {
    // A sandbox may refuse it: the documents are still made, at the process's priority.
  }
}

/**
 * The thread's side: answers each request with the named renderer's bytes, its progress as it
 * goes, or the error it threw (by name and message, which is what the jobs record and log).
 */
export function serveRenderers(port: MessagePort | null, renderers: Renderers): void {
  if (!port) throw new Error('serveRenderers runs on a worker thread.');
  giveWayToRequests((workerData as RenderThreadData).niceness);
  port.on('message', (request: RenderRequest) => {
    void (async () => {
      try {
        const render = renderers[request.name] as Renderer<unknown> | undefined;
        if (!render) throw new Error(`No renderer called ${request.name}.`);
        const made = await render(request.facts, async (step, steps) =>
          port.postMessage({ id: request.id, progress: [step, steps] } satisfies RenderReply),
        );
        // A copy with its own memory, so it can be handed over rather than copied again: pdfkit's
        // result may share a pooled buffer with other data.
        const bytes = new Uint8Array(made);
        port.postMessage({ id: request.id, bytes } satisfies RenderReply, [bytes.buffer]);
      } catch (error) {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: request.id, error: { name, message } } satisfies RenderReply);
      }
    })();
  });
}

/** The thread stopped (crashed, ran out of memory or was stopped) while making a document. */
export class RenderThreadStopped extends Error {
  override readonly name = 'RenderThreadStopped';
}

/** An error the renderer threw on the thread, with the name it had there. */
class RenderError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface Pending {
  /** The thread making it: a thread that dies fails its own documents, not a newer thread's. */
  worker: Worker;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
  progress?: RenderProgress;
  /**
   * Progress is written in order, and the document is given back only once it all has been. The
   * chain never rejects: a write that fails is kept in `progressFailed` and fails the document.
   */
  progressed: Promise<void>;
  progressFailed?: Error;
  deadline: NodeJS.Timeout;
  done: Promise<unknown>;
}

/** A document that takes longer than this has stopped making progress: its thread is ended. */
export const RENDER_DEADLINE_MS = 240_000;

/**
 * The requests' side: sends a renderer's facts to the thread and waits for its bytes. If the
 * thread dies, every document it was making fails (the jobs try them again) and the next one
 * starts a new thread.
 */
export class RenderThread<R extends Renderers> {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private stopped = false;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  /**
   * @param script the built thread (dist/apps/api/document-thread.js); null where none was built,
   *   and then every render fails saying so.
   * @param niceness how far the thread gives way to the requests (0: not at all, 19: most).
   * @param limits the thread's own heap: a document that would need more ends the thread, not the API.
   * @param deadlineMs how long one document may take before its thread is ended (under the jobs' lease).
   */
  constructor(
    private readonly script: string | null,
    private readonly niceness = RENDER_THREAD_NICENESS,
    private readonly limits: ResourceLimits = { maxOldGenerationSizeMb: 512 },
    private readonly deadlineMs = RENDER_DEADLINE_MS,
  ) {}

  async render<K extends keyof R & string>(
    name: K,
    facts: FactsOf<R[K]>,
    progress?: RenderProgress,
  ): Promise<Uint8Array> {
    if (this.stopped) throw new RenderThreadStopped('The document thread has been stopped.');
    const worker = this.worker ?? (await (this.starting ??= this.start()));
    const id = ++this.lastId;
    let settle!: Pick<Pending, 'resolve' | 'reject'>;
    const done = new Promise<Uint8Array>((resolve, reject) => (settle = { resolve, reject }));
    const deadline = setTimeout(() => {
      // Ending the thread fails this document through `lost`, with the words below.
      this.overdue.add(worker);
      void worker.terminate();
    }, this.deadlineMs);
    deadline.unref();
    this.pending.set(id, {
      ...settle,
      worker,
      progress,
      progressed: Promise.resolve(),
      deadline,
      done: done.catch(() => null),
    });
    worker.ref();
    try {
      worker.postMessage({ id, name, facts } satisfies RenderRequest);
    } catch (error) {
      // Facts that cannot be cloned (a function, a class's private state): this document fails alone.
      this.settle(worker, id, (p) => p.reject(error instanceof Error ? error : new Error(String(error))));
    }
    return done;
  }

  /** Lets the documents being made finish, then ends the thread (on the application's shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    // A document asked for just before, whose thread was still starting, is let finish too.
    await this.starting?.catch(() => null);
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((p) => p.done));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** Threads ended for taking too long: their documents fail saying so. */
  private readonly overdue = new WeakSet<Worker>();

  private async start(): Promise<Worker> {
    try {
      if (!this.script) throw new RenderThreadStopped('No document thread was built: run npm run build.');
      // Also the first use of libuv's threadpool, if nothing used it yet: its threads take the nice
      // value of the thread that starts them, and must be the requests' thread, never this one.
      await access(this.script).catch(() => {
        throw new RenderThreadStopped(`No document thread at ${this.script}: run npm run build.`);
      });
      const worker = new Worker(this.script, {
        resourceLimits: this.limits,
        workerData: { niceness: this.niceness } satisfies RenderThreadData,
      });
      worker.on('message', (reply: RenderReply) => this.receive(worker, reply));
      // A message that cannot be read back: nothing can be told which document it was.
      worker.on('messageerror', (error) => {
        this.lost(worker, error);
        void worker.terminate();
      });
      worker.on('error', (error) => this.lost(worker, error));
      worker.on('exit', (code) =>
        this.lost(
          worker,
          new RenderThreadStopped(
            this.overdue.has(worker)
              ? `The document took longer than ${this.deadlineMs / 1000} s; its thread was ended.`
              : `The document thread stopped (${code}).`,
          ),
        ),
      );
      worker.unref();
      this.worker = worker;
      return worker;
    } finally {
      this.starting = null;
    }
  }

  private receive(worker: Worker, reply: RenderReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('progress' in reply) {
      const [step, steps] = reply.progress;
      pending.progressed = pending.progressed
        .then(() => pending.progress?.(step, steps))
        .catch((error: unknown) => {
          pending.progressFailed ??= error instanceof Error ? error : new Error(String(error));
        });
      return;
    }
    this.settle(worker, reply.id, (p) => {
      if ('error' in reply) p.reject(new RenderError(reply.error.name, reply.error.message));
      else if (p.progressFailed) p.reject(p.progressFailed);
      else p.resolve(reply.bytes);
    });
  }

  /** The thread is gone: what it was making fails, and the next document starts a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const [id, pending] of this.pending)
      if (pending.worker === worker) this.settle(worker, id, (p) => p.reject(error));
  }

  /** Ends a document's wait once the progress it reported has been written, whatever happened. */
  private settle(worker: Worker, id: number, end: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.deadline);
    // An idle thread does not keep the process alive.
    if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
    void pending.progressed.then(() => end(pending));
  }
}
