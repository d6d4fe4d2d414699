import { User } from '../../app/users/entities/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Session } from '../auth/session.entity';
import { MailMessage } from '../mail/mail-message.entity';

/** Every entity TypeORM maps. A feature adds its entities here. */
export const ENTITIES = [User, Session, AuditEvent, MailMessage];
