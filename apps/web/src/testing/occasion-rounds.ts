import type { HttpTestingController } from '@angular/common/http/testing';
import type { EvaluationRoundSummary, RoundOccasionKind } from '@heard/domain';
import { roundsAtOccasionUrl } from '../app/evaluations/evaluation-rounds-api';

/**
 * Answers the day's page asking which evaluation rounds are held there (the list under "Get ready
 * for the day"), so a spec about something else on the page is not left with an open request.
 * Returns how many asked: a cancelled day's page does not ask.
 */
export function answerOccasionRounds(
  http: HttpTestingController,
  kind: RoundOccasionKind,
  id: string,
  rounds: EvaluationRoundSummary[] = [],
): number {
  const requests = http.match(roundsAtOccasionUrl(kind, id));
  for (const request of requests) request.flush(rounds);
  return requests.length;
}
