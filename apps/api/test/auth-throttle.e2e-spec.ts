// Login throttling (5 failures in 15 minutes per login): the same rule whether the failures live in
// PostgreSQL (no REDIS_URL) or in Redis (shared by every API instance), and what happens when Redis is down.
import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import {
  createTestApp,
  SchoolRow,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  TestApp,
} from '@ensemble/testing';
import { LoginThrottleService } from '../src/auth/login-throttle.service';
import { LOGIN_THROTTLE_KEY_PREFIX } from '../src/auth/login-throttle-redis.store';

// Booting API instances and hashing passwords take seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

const REDIS_URL =
  process.env.REDIS_TEST_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOGIN = `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { accessToken } }`;
const WINDOW_MS = 15 * 60 * 1000;

const attempt = (t: TestApp, login: string, password: string) =>
  t.client.request(LOGIN, { login, password }).then((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
const wrong = (i: number) => `Wrong-Password-${i}`;

/** The key an independent reader would compute: HMAC-SHA256 of the normalised login. */
const expectedKey = (login: string) =>
  createHmac('sha256', `${TEST_JWT_SECRET}:login-throttle`)
    .update(login.trim().toLowerCase())
    .digest('hex');

function behavesLikeTheThrottlingRule(mode: 'postgres' | 'redis', env: Record<string, string>) {
  describe(`login throttling in ${mode}`, () => {
    let t: TestApp;
    let school: SchoolRow;

    beforeAll(async () => {
      t = await createTestApp(env);
      school = await t.factories.school();
    });
    afterAll(() => t.close());
    afterEach(() => t.clock.set(new Date()));

    it(`counts failures in ${mode}`, () => {
      expect(t.app.get(LoginThrottleService).backend).toBe(mode);
    });

    it('locks a login after 5 failures in 15 minutes, even with the right password, for the rest of the window', async () => {
      const pupil = await t.factories.pupil(school.id);
      for (let i = 0; i < 5; i++)
        expect(await attempt(t, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
      t.clock.advance(WINDOW_MS - 60_000);
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
      t.clock.advance(60_000 + 1000);
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('OK');
    });

    it('slides the window: a failure older than 15 minutes no longer counts', async () => {
      const pupil = await t.factories.pupil(school.id);
      expect(await attempt(t, pupil.email, wrong(0))).toBe('UNAUTHENTICATED');
      t.clock.advance(10 * 60 * 1000);
      for (let i = 1; i < 4; i++)
        expect(await attempt(t, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
      t.clock.advance(5 * 60 * 1000 + 1000); // the first failure leaves the window: 3 remain
      expect(await attempt(t, pupil.email, wrong(4))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, wrong(5))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    });

    it('forgets the failures after a successful login', async () => {
      const pupil = await t.factories.pupil(school.id);
      for (let i = 0; i < 4; i++)
        expect(await attempt(t, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('OK');
      for (let i = 0; i < 4; i++)
        expect(await attempt(t, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('OK');
    });

    it('counts one login whatever its case and surrounding spaces, and no other login', async () => {
      const pupil = await t.factories.pupil(school.id);
      const other = await t.factories.pupil(school.id);
      const spellings = [
        pupil.email,
        pupil.email.toUpperCase(),
        ` ${pupil.email} `,
        pupil.email,
        pupil.email,
      ];
      for (const [i, login] of spellings.entries())
        expect(await attempt(t, login, wrong(i))).toBe('UNAUTHENTICATED');
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
      expect(await attempt(t, other.email, TEST_PASSWORD)).toBe('OK');
    });

    it('counts aliased attempts: each executed one is a failure of that login', async () => {
      const pupil = await t.factories.pupil(school.id);
      const aliases = Array.from(
        { length: 3 },
        (_, i) => `a${i}: login(login: $l, password: "${wrong(i)}") { accessToken }`,
      ).join('\n');
      for (let i = 0; i < 5; i++) {
        const res = await t.client.request(`mutation($l: String!) { ${aliases} }`, {
          l: pupil.email,
        });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      }
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    });

    it('lets exactly 5 wrong passwords be checked when 12 attempts race', async () => {
      const pupil = await t.factories.pupil(school.id);
      const codes = await Promise.all(
        Array.from({ length: 12 }, (_, i) => attempt(t, pupil.email, wrong(i))),
      );
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
      expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    });
  });
}

behavesLikeTheThrottlingRule('postgres', {});
behavesLikeTheThrottlingRule('redis', { REDIS_URL });

describe('login throttling with two API instances sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  let school: SchoolRow;

  beforeAll(async () => {
    a = await createTestApp({ REDIS_URL });
    b = await createTestApp({ REDIS_URL }, { databaseUrl: a.databaseUrl });
    redis = new Redis(REDIS_URL);
    school = await a.factories.school();
  });
  afterAll(async () => {
    await redis.quit();
    await b.close();
    await a.close();
  });

  it('adds up failures on both instances: the 6th attempt is refused on either one', async () => {
    const pupil = await a.factories.pupil(school.id);
    for (let i = 0; i < 3; i++)
      expect(await attempt(a, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
    for (let i = 3; i < 5; i++)
      expect(await attempt(b, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
    expect(await attempt(a, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    expect(await attempt(b, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
  });

  it('lets exactly 5 wrong passwords through when both instances are attacked at once', async () => {
    const pupil = await a.factories.pupil(school.id);
    const codes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? a : b, pupil.email, wrong(i))),
    );
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('keeps the failures in Redis under a hashed key that expires with the window, and none in PostgreSQL', async () => {
    const pupil = await a.factories.pupil(school.id);
    for (let i = 0; i < 2; i++)
      expect(await attempt(a, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
    expect(await attempt(b, pupil.email, wrong(2))).toBe('UNAUTHENTICATED');

    const key = `${LOGIN_THROTTLE_KEY_PREFIX}${expectedKey(pupil.email)}`;
    expect(key).toMatch(/^ensemble:login-throttle:[0-9a-f]{64}$/);
    expect(await redis.zcard(key)).toBe(3);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(WINDOW_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(WINDOW_MS);
    const members = await redis.zrange(key, 0, -1);
    expect(members.every((m) => /^f:[0-9a-f-]{36}$/.test(m))).toBe(true);
    // Nothing anywhere in Redis names the login.
    const local = pupil.email.split('@')[0];
    const leaking = (await redis.keys(`*${local}*`)).length;
    expect(leaking).toBe(0);
    expect(await a.factories.count('login_failures')).toBe(0);

    // A success on either instance clears the key.
    expect(await attempt(b, pupil.email, TEST_PASSWORD)).toBe('OK');
    expect(await redis.exists(key)).toBe(0);
  });
});

describe('login throttling while Redis is down', () => {
  let t: TestApp;
  let school: SchoolRow;

  beforeAll(async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    school = await t.factories.school();
  });
  afterAll(() => t.close());

  it('keeps signing people in and counts failures in PostgreSQL instead (shared by every instance)', async () => {
    const pupil = await t.factories.pupil(school.id);
    expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('OK');
    for (let i = 0; i < 5; i++)
      expect(await attempt(t, pupil.email, wrong(i))).toBe('UNAUTHENTICATED');
    expect(await attempt(t, pupil.email, TEST_PASSWORD)).toBe('RATE_LIMITED');
    expect(
      await t.factories.count('login_failures', 'login_key = $1', [expectedKey(pupil.email)]),
    ).toBe(5);
  });
});
