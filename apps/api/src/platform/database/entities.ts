import { ActivityDay } from '../../app/activities/entities/activity-day.entity';
import { ConsentRecord } from '../../app/consent/entities/consent-record.entity';
import { Invitation } from '../../app/invitations/entities/invitation.entity';
import { OneToOne } from '../../app/one-to-ones/entities/one-to-one.entity';
import { CalendarFeed } from '../../app/calendar/entities/calendar-feed.entity';
import {
  Group,
  GroupFacilitator,
  GroupMembership,
  GroupPatternException,
} from '../../app/groups/entities/group.entity';
import { AttendanceMark, GroupSession } from '../../app/sessions/entities/group-session.entity';
import { User } from '../../app/users/entities/user.entity';
import {
  ServiceExperiencePeriodRow,
  TrustedAdultLink,
  YoungPerson,
} from '../../app/young-people/entities/young-person.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Session } from '../auth/session.entity';
import { MailMessage } from '../mail/mail-message.entity';

/** Every entity TypeORM maps. A feature adds its entities here. */
export const ENTITIES = [
  User,
  Session,
  AuditEvent,
  MailMessage,
  YoungPerson,
  ServiceExperiencePeriodRow,
  TrustedAdultLink,
  Group,
  GroupFacilitator,
  GroupPatternException,
  GroupMembership,
  GroupSession,
  AttendanceMark,
  CalendarFeed,
  ActivityDay,
  OneToOne,
  Invitation,
  ConsentRecord,
];
