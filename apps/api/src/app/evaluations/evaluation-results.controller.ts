import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVALUATION_RESULT_READERS, RoundResults, VersionChange } from '@heard/domain';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { DomainError } from '../../platform/errors/domain-error';
import { EvaluationResultsService } from './evaluation-results.service';

/** A malformed id is a bad request, said plainly; a well-formed one that matches nothing is 404. */
const idPipe = (what: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => DomainError.validation('id', `This is not ${what} id; check the address.`),
  });

/**
 * Results of a round and the change between a tool's versions, for officers and senior leaders:
 * aggregates and unnamed words only (docs/evaluations.md "Results").
 */
@ApiTags('evaluations')
@Controller()
export class EvaluationResultsController {
  constructor(private readonly results: EvaluationResultsService) {}

  @Get('evaluation-rounds/:id/results')
  @Allow(...EVALUATION_RESULT_READERS)
  forRound(@Param('id', idPipe('an evaluation round')) id: string): Promise<RoundResults> {
    return this.results.forRound(id);
  }

  @Get('evaluation-rounds/:id/results.csv')
  @Allow(...EVALUATION_RESULT_READERS)
  async csv(@Param('id', idPipe('an evaluation round')) id: string, @Res() res: Response): Promise<void> {
    const body = await this.results.csvForRound(id);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="evaluation-results-${id}.csv"`);
    res.send(body);
  }

  @Get('practice-tools/:toolId/results')
  @Allow(...EVALUATION_RESULT_READERS)
  forTool(@Param('toolId', idPipe('a practice tool')) toolId: string): Promise<VersionChange> {
    return this.results.forTool(toolId);
  }
}
