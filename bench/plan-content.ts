import { MAX_EVIDENCE_PER_ANSWER, PlanDocument } from '@heard/domain';

/**
 * A plan as the benchmarks write it (bench/plan.ts through the API, bench/plan-pdf.ts straight to
 * the PDF), so both make a document of the same size: fictional words throughout.
 */

/** Paragraphs of fictional plan text, about `chars` characters in all. */
export function benchPlanText(chars: number, seed: string): PlanDocument {
  const sentence =
    `In ${seed} we will ask children and young people what they think before we decide, ` +
    'tell them what we did with what they said, and check a year later whether it made a difference. ';
  const paragraph = sentence.repeat(4).trim();
  const count = Math.max(1, Math.round(chars / paragraph.length));
  return {
    blocks: Array.from({ length: count }, () => ({
      type: 'paragraph',
      children: [{ type: 'text', text: paragraph }],
    })),
  };
}

/** Each Lundy question's answer and its evidence. */
export const benchLundyAnswer = {
  answer: 'Mostly: young people chose the agenda of every forum this year, and we know where we fall short.',
  evidence: Array.from({ length: Math.min(3, MAX_EVIDENCE_PER_ANSWER) }, (_, i) => ({
    words: `The young people's forum said so at its session number ${i + 1}, and the minutes record it.`,
  })),
};

/** The words of next year's commitment number `i` (from 0). */
export const benchCommitment = (i: number) => ({
  words: `Commitment ${i + 1}: every service asks children what they thought of their review meeting and reports it each quarter.`,
  childWords: `We will ask you what you thought of your review meeting (promise ${i + 1}).`,
});
