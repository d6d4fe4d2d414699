import { timeInLondon } from '@heard/domain';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/config';

/** Whether `now` is at or past `hour` o'clock, UK time: when a daily job's look starts doing today's work. */
export function fromHourInLondon(now: Date, hour: number): boolean {
  return Number(timeInLondon(now).slice(0, 2)) >= hour;
}

/**
 * Starts a background job's periodic look, every JOB_LOOK_MS (ten minutes unless set: a by-the-day
 * job a few minutes late is fine), and returns how to stop it at shutdown. MAIL_POLL_MS=0
 * turns every background job off, so tests and benchmarks drive them by hand. A failed look is
 * logged and the next one tries again: each job's run is safe to repeat.
 */
export function lookPeriodically(
  config: AppConfig,
  logger: Logger,
  look: () => Promise<unknown>,
): () => void {
  if (config.mailPollMs <= 0) return () => undefined;
  // A look still running when the next is due lets that one pass: with a short JOB_LOOK_MS on a
  // busy machine, looks would otherwise pile up, each holding a connection and a transaction.
  let looking = false;
  const timer = setInterval(() => {
    if (looking) return;
    looking = true;
    look()
      .catch((error: Error) => logger.warn(`Run failed: ${error.message}`))
      .finally(() => (looking = false));
  }, config.jobLookMs);
  timer.unref();
  return () => clearInterval(timer);
}
