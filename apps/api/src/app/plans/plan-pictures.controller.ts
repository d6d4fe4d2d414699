import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PLAN_EDITORS,
  PLAN_READERS,
  PlanPictureResponse,
  PlanPictureUploadCommand,
  PlanPictureUploadRequestSchema,
  Role,
} from '@heard/domain';
import type { Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { PictureBytes, PlanPicturesService } from './plan-pictures.service';

const pictureId = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This picture') });

/**
 * Consent can be withdrawn whenever and takes effect at once (DOMAIN.md): a browser or cache may
 * keep a public picture but must ask again before each use, and the answer checks consent afresh.
 */
export const PUBLIC_PICTURE_CACHE = 'public, no-cache';

function sendPicture(res: Response, picture: PictureBytes, cacheControl: string): void {
  res
    .status(200)
    .type(picture.mediaType)
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Cache-Control', cacheControl)
    .setHeader('Content-Disposition', 'inline')
    .send(picture.bytes);
}

/** Pictures for the plan's text, for staff: officers upload, plan readers see (ADR 0035). */
@ApiTags('voice plan')
@Controller('plans/pictures')
@Allow(...PLAN_READERS)
export class PlanPicturesController {
  constructor(private readonly pictures: PlanPicturesService) {}

  /** JSON with the bytes as base64: the API takes JSON only, under a larger limit for this route. */
  @Post()
  @Allow(...PLAN_EDITORS)
  upload(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PlanPictureUploadRequestSchema)) body: PlanPictureUploadCommand,
  ): Promise<PlanPictureResponse> {
    return this.pictures.upload(actor, body);
  }

  @Get(':id')
  async picture(@Param('id', pictureId) id: string, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.pictures.forStaff(id), 'private, no-cache');
  }
}

/** The pictures of the plan young experts are asked about (scrutiny) and the published ones. */
@ApiTags('young experts')
@Controller('me/plan/pictures')
@Allow(Role.YoungExpert)
export class MyPlanPicturesController {
  constructor(private readonly pictures: PlanPicturesService) {}

  @Get(':id')
  async picture(@Param('id', pictureId) id: string, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.pictures.forYoungExperts(id), 'private, no-cache');
  }
}

/** A published plan's pictures, for everyone, while the young people in them still consent. */
@ApiTags('public voice plan')
@Controller('published-plans/pictures')
export class PublishedPlanPicturesController {
  constructor(private readonly pictures: PlanPicturesService) {}

  @Public()
  @Get(':id')
  async picture(@Param('id', pictureId) id: string, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.pictures.forPublic(id), PUBLIC_PICTURE_CACHE);
  }
}
