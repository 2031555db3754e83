import { SlidingWindowThrottlerStorage } from './throttler-storage';

describe('SlidingWindowThrottlerStorage', () => {
  const MINUTE = 60_000;
  let now: number;
  let storage: SlidingWindowThrottlerStorage;
  const hit = (key = 'a', limit = 3, block = MINUTE) =>
    storage.increment(key, MINUTE, limit, block, 'default');

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    storage = new SlidingWindowThrottlerStorage();
  });
  afterEach(() => jest.restoreAllMocks());

  it('lets `limit` hits through in a window and blocks the next one for the block duration', async () => {
    for (let i = 1; i <= 3; i++)
      expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now += 30_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts a hit for the window only: old hits stop counting one by one', async () => {
    await hit();
    now += 40_000;
    await hit();
    await hit();
    now += 20_001; // the first hit has expired, the other two have not
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit()).toMatchObject({ isBlocked: true });
  });

  it('counts each key on its own', async () => {
    for (let i = 0; i < 3; i++) await hit('a');
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit('a')).toMatchObject({ isBlocked: true });
  });

  it('stays exact over many windows of heavy traffic', async () => {
    const limit = 1000;
    for (let second = 0; second < 300; second++) {
      for (let i = 0; i < 10; i++) {
        const r = await hit('busy', limit);
        expect(r.isBlocked).toBe(false);
        // 10 hits a second, each counting for 60 s: at most 600 live at once.
        expect(r.totalHits).toBe(Math.min(second, 59) * 10 + i + 1);
      }
      now += 1000;
    }
  });
});
