import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/config';
import { lookPeriodically } from './periodic-look';

describe('lookPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const config = loadConfig({ JOB_LOOK_MS: '1000', MAIL_POLL_MS: '2000' });
  const logger = new Logger('test');

  it('should let a look pass while the last one is still running, and look again once it is done', async () => {
    let release: () => void = () => undefined;
    let looks = 0;
    const stop = lookPeriodically(config, logger, () => {
      looks += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    await jest.advanceTimersByTimeAsync(5_000);
    expect(looks).toBe(1);
    release();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(looks).toBe(2);
    stop();
  });

  it('should look again after a look that failed', async () => {
    let looks = 0;
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const stop = lookPeriodically(config, logger, () => {
      looks += 1;
      return Promise.reject(new Error('database away'));
    });
    await jest.advanceTimersByTimeAsync(3_000);
    expect(looks).toBe(3);
    expect(warn).toHaveBeenCalledWith('Run failed: database away');
    stop();
  });

  it('should not look at all when background jobs are off (MAIL_POLL_MS=0)', async () => {
    let looks = 0;
    const stop = lookPeriodically(loadConfig({ MAIL_POLL_MS: '0' }), logger, async () => {
      looks += 1;
    });
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(looks).toBe(0);
    stop();
  });
});
