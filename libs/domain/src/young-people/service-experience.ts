import { IsoDate } from '../shared/dates';

/** What makes a young person eligible for participation: their experience of services. */
export enum ServiceExperienceKind {
  LookedAfter = 'looked_after',
  CareLeaver = 'care_leaver',
  ChildInNeed = 'child_in_need',
  ChildProtection = 'child_protection',
  SendEhcp = 'send_ehcp',
  EarlyHelp = 'early_help',
  YouthJustice = 'youth_justice',
  YoungCarer = 'young_carer',
  SeparatedMigrant = 'separated_migrant',
}

export const SERVICE_EXPERIENCE_LABELS: Readonly<Record<ServiceExperienceKind, string>> = {
  [ServiceExperienceKind.LookedAfter]: 'Looked after',
  [ServiceExperienceKind.CareLeaver]: 'Care leaver',
  [ServiceExperienceKind.ChildInNeed]: 'Child in need',
  [ServiceExperienceKind.ChildProtection]: 'Child protection',
  [ServiceExperienceKind.SendEhcp]: 'SEND / EHCP',
  [ServiceExperienceKind.EarlyHelp]: 'Early help',
  [ServiceExperienceKind.YouthJustice]: 'Youth justice',
  [ServiceExperienceKind.YoungCarer]: 'Young carer',
  [ServiceExperienceKind.SeparatedMigrant]: 'Separated migrant',
};

export interface ServiceExperiencePeriod {
  kind: ServiceExperienceKind;
  from: IsoDate;
  /** null while it continues. */
  to: IsoDate | null;
}

export function experiencesOn(
  periods: readonly ServiceExperiencePeriod[],
  on: IsoDate,
): ServiceExperienceKind[] {
  return [
    ...new Set(periods.filter((p) => p.from <= on && (p.to === null || p.to >= on)).map((p) => p.kind)),
  ];
}
