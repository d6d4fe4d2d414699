import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  CalendarOccasion,
  EvaluationQuestion,
  EvaluationRoundRequest,
  QuestionKind,
  RoundAudience,
  RoundOccasionKind,
} from '@heard/domain';
import {
  DEFAULT_QUESTIONS,
  MAX_PROMPT_LENGTH,
  MAX_QUESTIONS,
  ROUND_OCCASION_KINDS,
  addDays,
  todayInLondon,
} from '@heard/domain';

export const QUESTION_KIND_LABELS: Readonly<Record<QuestionKind, string>> = {
  rating: 'Faces (Really bad to Really good)',
  open: 'Their own words',
  quote: 'A quote box',
};

export const AUDIENCE_LABELS: Readonly<Record<RoundAudience, string>> = {
  named: 'Named young people',
  group: 'A group (its members on the day)',
  link: 'Anyone with the link',
};

export const OCCASION_KIND_LABELS: Readonly<Record<RoundOccasionKind, string>> = {
  activity_day: 'Activity day',
  group_session: 'Group session',
  one_to_one: 'One-to-one',
};

/** The value of "where it is held" for a round held online. */
export const ONLINE = 'online';

export const ROUND_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  questions: 'Questions',
  occasion: 'Where it is held',
  opensOn: 'Opens on',
  closesOn: 'Closes on',
  audience: 'Who it is for',
  groupId: 'Group',
  youngPersonIds: 'Young people',
};

export type QuestionForm = FormGroup<{
  key: FormControl<string>;
  kind: FormControl<QuestionKind>;
  prompt: FormControl<string>;
}>;

export function questionForm(q: EvaluationQuestion): QuestionForm {
  return new FormGroup({
    key: new FormControl(q.key, { nonNullable: true }),
    kind: new FormControl<QuestionKind>(q.kind, { nonNullable: true }),
    prompt: new FormControl(q.prompt, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_PROMPT_LENGTH)],
    }),
  });
}

export function roundForm(today = todayInLondon()) {
  return new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    questions: new FormArray(
      DEFAULT_QUESTIONS.map((q) => questionForm(q)),
      [Validators.required, Validators.maxLength(MAX_QUESTIONS)],
    ),
    /** ONLINE, or `kind:id` of an occasion. */
    occasion: new FormControl(ONLINE, { nonNullable: true }),
    opensOn: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
    closesOn: new FormControl(addDays(today, 14), { nonNullable: true, validators: [Validators.required] }),
    audience: new FormControl<RoundAudience>('link', { nonNullable: true }),
    groupId: new FormControl<string | null>(null),
  });
}
export type RoundForm = ReturnType<typeof roundForm>;

/** A key for a question the officer adds: unique in the round, in the form the API takes. */
export function newQuestionKey(taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`question-${n}`)) n += 1;
  return `question-${n}`;
}

/** The occasions a round can be held at, from the staff calendar (review meetings are not). */
export function roundOccasions(occasions: readonly CalendarOccasion[]): CalendarOccasion[] {
  return occasions.filter(
    (o) => (ROUND_OCCASION_KINDS as readonly string[]).includes(o.kind) && o.status !== 'cancelled',
  );
}

export const occasionValue = (o: { kind: string; id: string }) => `${o.kind}:${o.id}`;

export function toRoundRequest(
  form: RoundForm,
  toolVersionId: string,
  youngPersonIds: readonly string[],
): EvaluationRoundRequest {
  const v = form.getRawValue();
  const [kind, id] = v.occasion === ONLINE ? [null, null] : v.occasion.split(':');
  return {
    toolVersionId,
    title: v.title.trim(),
    questions: v.questions.map((q) => ({ key: q.key, kind: q.kind, prompt: q.prompt.trim() })),
    occasion: kind && id ? { kind: kind as RoundOccasionKind, id } : null,
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    audience: v.audience,
    groupId: v.audience === 'group' ? v.groupId : null,
    youngPersonIds: v.audience === 'named' ? [...youngPersonIds] : [],
  };
}
