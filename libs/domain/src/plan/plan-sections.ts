import { ACTION_STATUS_RULES } from '../action-log/action-status';
import { IsoDate, addDays, parseIsoDate } from '../shared/dates';
import type { PlanPeriod, PlanReference } from './plan-assembly';
import { PlanDocument, isEmptyPlanText } from './plan-text';

/**
 * The sections of the annual voice plan (issue 14 §1, docs/plan.md), as seed 002 recommends: how
 * the council hears children in its work with each of them (A), how they take part in running the
 * council's services (B), from the second year what was done, learnt and changed (C), a
 * self-appraisal against the Lundy model, and next year's commitments. Every section has a
 * professional text and a child-friendly text.
 */

export const PLAN_SECTION_KEYS = [
  'individual_work',
  'council_activity',
  'last_year',
  'lundy',
  'commitments',
] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];

export interface PlanSectionRule {
  /** The letter seed 002 gives it, where it gives one. */
  letter: 'A' | 'B' | 'C' | null;
  title: string;
  /** The title on the child-friendly version. */
  childTitle: string;
  /** What the officer is asked to write. */
  prompt: string;
  /** The plan year (1 for the council's first plan) from which the section is part of the plan. */
  fromYearOfPlan: number;
  /** Drafted from the data for the year before the plan (plan-assembly.ts), then edited. */
  assembled: boolean;
}

export const PLAN_SECTIONS: Readonly<Record<PlanSectionKey, PlanSectionRule>> = {
  individual_work: {
    letter: 'A',
    title: 'Children’s voice in the work practitioners do with them',
    childTitle: 'How we listen to you in the work we do with you',
    prompt:
      'How the council makes sure each child’s views are part of the work practitioners do with them, how it ' +
      'checks that this happens, and how it asks children what they thought of that work.',
    fromYearOfPlan: 1,
    assembled: false,
  },
  council_activity: {
    letter: 'B',
    title: 'Children and young people taking part in the council’s work',
    childTitle: 'How you help us plan and run our services',
    prompt:
      'How children and young people take part in planning and evaluating services, in recruiting staff and in ' +
      'commissioning.',
    fromYearOfPlan: 1,
    assembled: false,
  },
  last_year: {
    letter: 'C',
    title: 'Last year: what we did, what we learnt and the difference it made',
    childTitle: 'What we did last year and what changed',
    prompt:
      'What was done in the year before this plan, what was learnt, and the impact on the council. Drafted from ' +
      'the figures for that year: check them, then say what they mean.',
    fromYearOfPlan: 2,
    assembled: true,
  },
  lundy: {
    letter: null,
    title: 'How well we listen: Space, Voice, Audience and Influence',
    childTitle: 'How well are we listening?',
    prompt:
      'Answer each question of the Lundy model honestly, with evidence, then sum up what needs to get better.',
    fromYearOfPlan: 1,
    assembled: false,
  },
  commitments: {
    letter: null,
    title: 'What we will do next year',
    childTitle: 'What we promise to do next',
    prompt:
      'Each commitment has someone who will do it and a date. When the plan is published, each becomes a ' +
      '“We will” in the action log, so young people can follow it.',
    fromYearOfPlan: 1,
    assembled: false,
  },
};

/** The sections of a plan, in order: the first plan has no "last year" to report on. */
export function planSectionsFor(yearOfPlan: number): PlanSectionKey[] {
  if (!Number.isInteger(yearOfPlan) || yearOfPlan < 1)
    throw new RangeError(`A plan's year is a whole number from 1: ${yearOfPlan}`);
  return PLAN_SECTION_KEYS.filter((key) => PLAN_SECTIONS[key].fromYearOfPlan <= yearOfPlan);
}

/**
 * The period section C reports on: the year before the plan starts, to the day before. A plan
 * starting on 29 February reports from 28 February a year earlier.
 */
export function lastYearOf(planFrom: IsoDate): PlanPeriod {
  const { year, month, day } = parseIsoDate(planFrom);
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year - 1}-${pad(month)}-${pad(month === 2 && day === 29 ? 28 : day)}`;
  return { from, to: addDays(planFrom, -1) };
}

/** The four parts of the Lundy model of participation. */
export const LUNDY_AREAS = ['space', 'voice', 'audience', 'influence'] as const;
export type LundyArea = (typeof LUNDY_AREAS)[number];

export const LUNDY_AREA_LABELS: Readonly<Record<LundyArea, { title: string; meaning: string }>> = {
  space: { title: 'Space', meaning: 'A safe place where every young person can say what they think.' },
  voice: {
    title: 'Voice',
    meaning: 'The information and help young people need to form and give their views.',
  },
  audience: { title: 'Audience', meaning: 'Young people’s views reach the people who make the decisions.' },
  influence: {
    title: 'Influence',
    meaning: 'Young people’s views are taken seriously and acted on where they can be.',
  },
};

export interface LundyQuestion {
  key: string;
  area: LundyArea;
  question: string;
}

/**
 * The questions seed 002 recommends a council asks itself when it reviews its plan, in our words.
 * Keys are stored with the answers: a question may be reworded, never re-keyed.
 */
export const LUNDY_QUESTIONS: readonly LundyQuestion[] = [
  {
    key: 'space.resourced',
    area: 'space',
    question: 'Do we give young people’s participation enough time, people and money?',
  },
  { key: 'space.asked', area: 'space', question: 'Have we asked young people what they think?' },
  { key: 'space.chances', area: 'space', question: 'How many chances to take part did young people have?' },
  {
    key: 'space.places',
    area: 'space',
    question: 'Were the places we met, in person and online, easy to reach, welcoming and safe?',
  },
  {
    key: 'space.honest',
    area: 'space',
    question: 'Could young people say honestly how they felt? Who asked them, when and how?',
  },
  { key: 'space.staff', area: 'space', question: 'Were staff trained and supported to do this well?' },
  {
    key: 'space.everyone',
    area: 'space',
    question: 'Did we go out of our way to involve young people of many backgrounds and experiences?',
  },
  {
    key: 'voice.relevant',
    area: 'voice',
    question: 'Did we ask young people about things that matter to them?',
  },
  {
    key: 'voice.informed',
    area: 'voice',
    question: 'Did young people have the information they needed to make up their minds?',
  },
  {
    key: 'voice.choice',
    area: 'voice',
    question: 'Did young people know that taking part was their choice?',
  },
  {
    key: 'voice.creative',
    area: 'voice',
    question: 'Did we use creative and fun ways to help young people say what they think?',
  },
  {
    key: 'voice.agenda',
    area: 'voice',
    question: 'Could young people choose what was talked about, with enough time to talk it through?',
  },
  {
    key: 'voice.materials',
    area: 'voice',
    question: 'Were our materials easy for young people to use and understand, and checked by them?',
  },
  {
    key: 'audience.deciders',
    area: 'audience',
    question: 'Were the people who make the decisions involved and listening?',
  },
  {
    key: 'audience.route',
    area: 'audience',
    question: 'Is there a clear, agreed way for young people’s views to reach the people who decide?',
  },
  {
    key: 'audience.who_hears',
    area: 'audience',
    question: 'Did young people know who would hear their views and what would happen next?',
  },
  {
    key: 'audience.how_used',
    area: 'audience',
    question: 'Did the people who decide know how young people’s views would feed into their decisions?',
  },
  {
    key: 'audience.power',
    area: 'audience',
    question: 'Did young people’s views go to someone with the power to make or change the decision?',
  },
  {
    key: 'influence.weighed',
    area: 'influence',
    question: 'Were young people’s views weighed when decisions were made, and is that written down?',
  },
  {
    key: 'influence.told',
    area: 'influence',
    question: 'Did we tell young people how their views changed a decision, and if not, why not?',
  },
  {
    key: 'influence.account',
    area: 'influence',
    question: 'Can young people hold the people who decide to account for what they decide?',
  },
  {
    key: 'influence.impact',
    area: 'influence',
    question: 'When and how will young people see the difference their taking part made?',
  },
];

/** One piece of evidence: what it shows, in words, and the figure or record it rests on, if any. */
export interface PlanEvidence {
  words: string;
  reference: PlanReference | null;
}

export interface LundyAnswer {
  questionKey: string;
  answer: string;
  evidence: readonly PlanEvidence[];
}

/** Next year's commitment: on publishing, a We will with this owner and due date. */
export interface PlanCommitment {
  words: string;
  childWords: string;
  ownerId: string | null;
  dueOn: IsoDate | null;
  themeId: string | null;
}

/** The parts of a plan its readiness is checked on. */
export interface PlanContent {
  yearOfPlan: number;
  period: PlanPeriod;
  sections: readonly { key: PlanSectionKey; professional: PlanDocument; childFriendly: PlanDocument }[];
  lundy: readonly LundyAnswer[];
  commitments: readonly PlanCommitment[];
}

/** What still needs doing, keyed by a dotted path as problem+json's errors are. */
export interface PlanGap {
  path: string;
  message: string;
}

/**
 * What stops a plan going to young people for scrutiny: what they scrutinise, and the leader
 * approves, is the whole plan. Every section of the year has both texts; every Lundy question is
 * answered with at least one piece of evidence; there is at least one commitment, and each can
 * become a We will (someone to do it and a date within the plan's year), since views are not asked
 * for unless something will be done with them. Empty when it is ready.
 */
export function planGaps(plan: PlanContent): PlanGap[] {
  const gaps: PlanGap[] = [];
  const wanted = planSectionsFor(plan.yearOfPlan);
  for (const key of wanted) {
    const section = plan.sections.find((s) => s.key === key);
    if (!section || isEmptyPlanText(section.professional))
      gaps.push({ path: `sections.${key}.professional`, message: `Write “${PLAN_SECTIONS[key].title}”.` });
    if (!section || isEmptyPlanText(section.childFriendly))
      gaps.push({
        path: `sections.${key}.childFriendly`,
        message: `Write the child-friendly version of “${PLAN_SECTIONS[key].title}”.`,
      });
  }
  for (const section of plan.sections)
    if (!wanted.includes(section.key))
      gaps.push({
        path: `sections.${section.key}`,
        message: 'A council’s first plan has no last year to report on.',
      });

  for (const q of LUNDY_QUESTIONS) {
    const answer = plan.lundy.find((a) => a.questionKey === q.key);
    if (!answer?.answer.trim())
      gaps.push({ path: `lundy.${q.key}.answer`, message: `Answer “${q.question}”` });
    else if (!answer.evidence.some((e) => e.words.trim() !== ''))
      gaps.push({
        path: `lundy.${q.key}.evidence`,
        message: `Give the evidence for your answer to “${q.question}”`,
      });
  }

  if (plan.commitments.length === 0)
    gaps.push({ path: 'commitments', message: 'Say what the council will do next year.' });
  plan.commitments.forEach((c, i) => {
    if (!c.words.trim()) gaps.push({ path: `commitments.${i}.words`, message: 'Say what will be done.' });
    if (!c.childWords.trim())
      gaps.push({
        path: `commitments.${i}.childWords`,
        message: 'Say it in words a young person understands.',
      });
    // A commitment becomes a planned We will, which the action log never holds without these.
    if (ACTION_STATUS_RULES.planned.needsOwnerAndDueDate) {
      if (c.ownerId === null)
        gaps.push({ path: `commitments.${i}.ownerId`, message: 'Choose who will do it.' });
      if (c.dueOn === null)
        gaps.push({ path: `commitments.${i}.dueOn`, message: 'Choose when it will be done by.' });
      else if (c.dueOn < plan.period.from || c.dueOn > plan.period.to)
        gaps.push({ path: `commitments.${i}.dueOn`, message: 'Choose a date within the plan’s year.' });
    }
  });
  return gaps;
}
