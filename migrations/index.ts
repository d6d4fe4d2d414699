import { Foundation1763800000000 } from './1763800000000-foundation';
import { YoungPeopleAndGroups1763900000000 } from './1763900000000-young-people-and-groups';
import { YoungPeopleSearchIndexes1764000000000 } from './1764000000000-young-people-search-indexes';
import { MailOutboxLeases1764100000000 } from './1764100000000-mail-outbox-leases';
import { ActivitiesInvitationsConsent1764200000000 } from './1764200000000-activities-invitations-consent';
import { YoungPeopleListIndexes1764300000000 } from './1764300000000-young-people-list-indexes';
import { HonestInvitationStates1764400000000 } from './1764400000000-honest-invitation-states';
import { AttendanceConsentsOnly1764420000000 } from './1764420000000-attendance-consents-only';
import { InvitationShortCodes1764450000000 } from './1764450000000-invitation-short-codes';
import { ActivityPhotoPlan1764500000000 } from './1764500000000-activity-photo-plan';
import { ParentCarerCopy1764510000000 } from './1764510000000-parent-carer-copy';
import { MailOutboxForgetsBodies1764600000000 } from './1764600000000-mail-outbox-forgets-bodies';
import { AccountRecovery1764610000000 } from './1764610000000-account-recovery';
import { PracticeTools1764700000000 } from './1764700000000-practice-tools';
import { SecondFactor1764800000000 } from './1764800000000-second-factor';
import { Passkeys1764900000000 } from './1764900000000-passkeys';
import { Evaluations1765000000000 } from './1765000000000-evaluations';
import { Worries1765050000000 } from './1765050000000-worries';
import { YoungExpertAccounts1765100000000 } from './1765100000000-young-expert-accounts';
import { EnrolmentCodes1765130000000 } from './1765130000000-enrolment-codes';
import { EvaluationFollowups1765140000000 } from './1765140000000-evaluation-followups';
import { DeletionRequests1765150000000 } from './1765150000000-deletion-requests';
import { EvaluationRevisions1765160000000 } from './1765160000000-evaluation-revisions';
import { DeletionRequestOutcomes1765170000000 } from './1765170000000-deletion-request-outcomes';
import { ActionLog1765200000000 } from './1765200000000-action-log';
import { ItemStageKept1765250000000 } from './1765250000000-item-stage-kept';
import { YouSaidSearchIndex1765260000000 } from './1765260000000-you-said-search-index';
import { ItemNextDueKept1765280000000 } from './1765280000000-item-next-due-kept';
import { BoardTellsEveryone1765290000000 } from './1765290000000-board-tells-everyone';
import { QueueMineIndexes1765300000000 } from './1765300000000-queue-mine-indexes';
import { QueueMineByPerson1765320000000 } from './1765320000000-queue-mine-by-person';
import { SpecialCategoryMarked1765310000000 } from './1765310000000-special-category-marked';
import { LoopPassedOn1765220000000 } from './1765220000000-loop-passed-on';
import { BoardQuotes1765230000000 } from './1765230000000-board-quotes';
import { Erasure1765330000000 } from './1765330000000-erasure';
import { Retention1765340000000 } from './1765340000000-retention';
import { IdempotencyKeys1765350000000 } from './1765350000000-idempotency-keys';
import { Pledges1765360000000 } from './1765360000000-pledges';
import { PlacedOutOfArea1765370000000 } from './1765370000000-placed-out-of-area';
import {
  FIGURES_TABLES as FIRST_FIGURES_TABLES,
  FiguresRevision1765390000000,
} from './1765390000000-figures-revision';
import {
  CATEGORY_FIGURES_TABLES,
  YoungPeopleCategories1765400000000,
} from './1765400000000-young-people-categories';
import { HeldChanges1765410000000 } from './1765410000000-held-changes';
import { VoicePlans1765420000000 } from './1765420000000-voice-plans';
import { AuditAppendOnly1765430000000 } from './1765430000000-audit-append-only';
import { PlanComments1765440000000 } from './1765440000000-plan-comments';
import { PlanCommentWorries1765460000000 } from './1765460000000-plan-comment-worries';
import { PlanDocuments1765470000000 } from './1765470000000-plan-documents';
import { Reports1765480000000 } from './1765480000000-reports';
import { ReviewParticipation1765490000000 } from './1765490000000-review-participation';
import { PlanPictures1765500000000 } from './1765500000000-plan-pictures';
import { SessionDays1765510000000 } from './1765510000000-session-days';
import { CountedItemsIndex1765520000000 } from './1765520000000-counted-items-index';

/** Every migration, oldest first. Committed migrations are never edited: add a new one. */
export const MIGRATIONS = [
  Foundation1763800000000,
  YoungPeopleAndGroups1763900000000,
  YoungPeopleSearchIndexes1764000000000,
  MailOutboxLeases1764100000000,
  ActivitiesInvitationsConsent1764200000000,
  YoungPeopleListIndexes1764300000000,
  HonestInvitationStates1764400000000,
  AttendanceConsentsOnly1764420000000,
  InvitationShortCodes1764450000000,
  ActivityPhotoPlan1764500000000,
  ParentCarerCopy1764510000000,
  MailOutboxForgetsBodies1764600000000,
  AccountRecovery1764610000000,
  PracticeTools1764700000000,
  SecondFactor1764800000000,
  Passkeys1764900000000,
  Evaluations1765000000000,
  Worries1765050000000,
  YoungExpertAccounts1765100000000,
  EnrolmentCodes1765130000000,
  EvaluationFollowups1765140000000,
  DeletionRequests1765150000000,
  EvaluationRevisions1765160000000,
  DeletionRequestOutcomes1765170000000,
  ActionLog1765200000000,
  LoopPassedOn1765220000000,
  BoardQuotes1765230000000,
  ItemStageKept1765250000000,
  YouSaidSearchIndex1765260000000,
  ItemNextDueKept1765280000000,
  BoardTellsEveryone1765290000000,
  QueueMineIndexes1765300000000,
  SpecialCategoryMarked1765310000000,
  QueueMineByPerson1765320000000,
  Erasure1765330000000,
  Retention1765340000000,
  IdempotencyKeys1765350000000,
  Pledges1765360000000,
  PlacedOutOfArea1765370000000,
  FiguresRevision1765390000000,
  YoungPeopleCategories1765400000000,
  HeldChanges1765410000000,
  VoicePlans1765420000000,
  AuditAppendOnly1765430000000,
  PlanComments1765440000000,
  PlanCommentWorries1765460000000,
  PlanDocuments1765470000000,
  Reports1765480000000,
  ReviewParticipation1765490000000,
  PlanPictures1765500000000,
  SessionDays1765510000000,
  CountedItemsIndex1765520000000,
];

/** The tables whose writes move the figures revision on (FiguresCache); a spec checks each is watched. */
export const FIGURES_TABLES = [...FIRST_FIGURES_TABLES, ...CATEGORY_FIGURES_TABLES] as const;
