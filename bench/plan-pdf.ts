/**
 * How long a published plan's PDF takes to make, and how long it holds the event loop, in one
 * process with no database (`npm run bench:plan-pdf -- --documents 20`). With `--thread` (after
 * `npx nx build api`) the documents are made as the API makes them, on the built document thread
 * (ADR 0038), and the event loop measured is the one that would be answering requests. The plan is the size
 * bench/plan.ts writes (every section about 6,000 characters and its child-friendly text 2,000,
 * every Lundy question answered with three pieces of evidence, 20 commitments). The first document
 * is reported apart: it pays for opening the fonts and compiling the code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LUNDY_QUESTIONS, planSectionsFor } from '@heard/domain';
import { renderPlanPdf, PlanPdfFacts } from '@heard/api/app/plans/plan-pdf';
import type { DocumentRenderers } from '@heard/api/app/documents/document-renderers';
import { RenderThread } from '@heard/api/platform/jobs/render-thread';
import { benchCommitment, benchLundyAnswer, benchPlanText } from './plan-content';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '20' },
    year: { type: 'string', default: '2026' },
    commitments: { type: 'string', default: '20' },
    thread: { type: 'boolean', default: false },
  },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const year = Number(values.year);
  const facts: PlanPdfFacts = {
    year,
    number: 1,
    publishedAt: new Date().toISOString(),
    whatChanged: null,
    sections: planSectionsFor(year - 1).map((key) => ({
      key,
      professional: benchPlanText(key === 'last_year' ? 3000 : 6000, key),
      childFriendly: benchPlanText(key === 'last_year' ? 1000 : 2000, key),
    })),
    lundy: LUNDY_QUESTIONS.map((q) => ({
      questionKey: q.key,
      answer: benchLundyAnswer.answer,
      evidence: benchLundyAnswer.evidence.map((e) => ({ words: e.words, reference: null })),
    })),
    commitments: Array.from({ length: Number(values.commitments) }, (_, i) => ({
      ...benchCommitment(i),
      dueOn: `${year + 1}-03-01`,
    })),
  };
  const script = resolve(__dirname, '..', 'dist', 'apps', 'api', 'document-thread.js');
  if (values.thread && !existsSync(script)) throw new Error(`No ${script}: run npx nx build api first.`);
  const thread = values.thread ? new RenderThread<DocumentRenderers>(script) : null;
  const render = (f: PlanPdfFacts) => (thread ? thread.render('planPdf', f) : renderPlanPdf(f));
  const times: number[] = [];
  let bytes = 0;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  for (let i = 0; i < Number(values.documents) + 1; i++) {
    if (i === 1) delay.enable();
    const start = performance.now();
    bytes = (await render(facts)).length;
    times.push(performance.now() - start);
  }
  delay.disable();
  await thread?.stop();
  const [first, ...rest] = times;
  const sorted = [...rest].sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(0);
  console.log(
    `plan PDF, ${Math.round(bytes / 1024)} KiB, node ${process.version}, ${thread ? 'on the document thread' : 'on the main thread'}`,
  );
  console.log(`first document: ${ms(first)} ms`);
  console.log(
    `next ${sorted.length}: p50 ${ms(percentile(sorted, 50))} ms, p95 ${ms(percentile(sorted, 95))} ms; ` +
      `event loop held at most ${ms(delay.max / 1e6)} ms (p99 ${ms(delay.percentile(99) / 1e6)} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
