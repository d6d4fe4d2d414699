import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventResponse, AuditQuery, AuditQuerySchema, Page, Role } from '@heard/domain';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../platform/audit/audit-event.entity';
import { Allow } from '../../platform/auth/access.decorator';
import { boundedTotalOf } from '../../platform/database/sql';
import { ZodPipe } from '../../platform/errors/zod.pipe';

export function toAuditEventResponse(event: AuditEvent): AuditEventResponse {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorUserId: event.actorUserId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    detail: event.detail,
    requestId: event.requestId,
    deviceTime: event.deviceTime?.toISOString() ?? null,
  };
}

@ApiTags('audit')
@Allow(Role.Administrator)
@Controller('audit')
export class AuditController {
  constructor(private readonly db: DataSource) {}

  @Get()
  async list(@Query(new ZodPipe(AuditQuerySchema)) query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const qb = this.db.getRepository(AuditEvent).createQueryBuilder('a');
    if (query.actorUserId) qb.andWhere('a.actor_user_id = :actor', { actor: query.actorUserId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.entityType) qb.andWhere('a.entity_type = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    // A bounded plain count: TypeORM's getManyAndCount counts DISTINCT ids over the whole log.
    const totals = await boundedTotalOf(this.db, qb, query);
    const events = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    return {
      items: events.map(toAuditEventResponse),
      ...totals,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
