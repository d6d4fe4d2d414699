import { Body, Controller, Get, Param, PipeTransform, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  RetentionKind,
  RetentionOverviewResponse,
  RetentionSettingCommand,
  RetentionSettingRequestSchema,
  RetentionSettingResponse,
  Role,
  isRetentionKind,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { RetentionService } from './retention.service';

/** A kind in the path that is not one of RETENTION_RULES is a page that does not exist. */
class RetentionKindPipe implements PipeTransform<string, RetentionKind> {
  transform(value: string): RetentionKind {
    if (!isRetentionKind(value)) throw DomainError.notFound('This kind of record');
    return value;
  }
}

/** Retention periods: administrators see and set them (docs/retention.md); nobody else. */
@ApiTags('retention')
@Allow(Role.Administrator)
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  overview(): Promise<RetentionOverviewResponse> {
    return this.retention.overview();
  }

  @Put(':kind')
  set(
    @CurrentActor() actor: Actor,
    @Param('kind', new RetentionKindPipe()) kind: RetentionKind,
    @Body(new ZodPipe(RetentionSettingRequestSchema)) body: RetentionSettingCommand,
  ): Promise<RetentionSettingResponse> {
    return this.retention.set(actor, kind, body.days);
  }
}
