import { Mutex } from './pglite-pool';

describe('the embedded database connection mutex', () => {
  it('hands the connection on in the order it was asked for', async () => {
    const mutex = new Mutex(1_000);
    const order: string[] = [];
    const first = await mutex.acquire();
    const second = mutex.acquire().then((release) => {
      order.push('second');
      release();
    });
    const third = mutex.acquire().then((release) => {
      order.push('third');
      release();
    });
    order.push('first');
    first();
    await Promise.all([second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('refuses a caller that waited too long, and still serves those after it once the holder lets go', async () => {
    const mutex = new Mutex(20);
    const holder = await mutex.acquire();
    await expect(mutex.acquire()).rejects.toThrow(/Waited 0.02 s for the embedded database/);
    const after = mutex.acquire();
    holder();
    const release = await after;
    release();
    // And the connection is free again.
    (await mutex.acquire())();
  });
});
