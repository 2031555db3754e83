// The GraphQL and HTTP baseline: error codes and masking, limits, CSRF, headers, health.
import { createTestApp, TestApp } from '@ensemble/testing';
import { loadAppConfig } from '../src/config/app.config';

describe('platform baseline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers BAD_USER_INPUT with fields for a malformed UUID argument', async () => {
    const organizer = await t.factories.organizer();
    const err = await organizer.client.fails(
      `mutation { validateTeacher(userId: "12345") { id } }`,
    );
    expect(err.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { userId: expect.any(String) },
    });
  });

  it('answers BAD_USER_INPUT for a variable of the wrong type', async () => {
    const err = await t.client.fails(`query($d: String) { schools(department: $d) { id } }`, {
      d: 13,
    });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.fields).toHaveProperty('d');
  });

  it('answers UNAUTHENTICATED without a token where one is needed', async () => {
    expect(await t.client.code(`{ pendingPupils { id } }`)).toBe('UNAUTHENTICATED');
  });

  it('refuses queries that are too deep, too aliased or too long with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ me { school { id } } ${'a: me { id } '.repeat(1)} }`;
    await t.client.ok(deep.replace('a:', 'b:'));
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(await t.client.code(`{ ${aliases} }`)).toBe('QUERY_TOO_COMPLEX');
    const nested = `{ __type(name: "User") { fields { type { ofType { fields { type { ofType { fields { type { ofType { fields { type { name } } } } } } } } } } } } }`;
    expect(await t.client.code(nested)).toBe('QUERY_TOO_COMPLEX');
    const tokens = `{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`;
    expect(await t.client.code(tokens)).toBe('QUERY_TOO_COMPLEX');
  });

  it('does not suggest field names', async () => {
    const err = await t.client.fails(`{ schoolz { id } }`);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR without SQL, stack or constraint names', async () => {
    // A database that lost a table: the resolver fails in a way no rule anticipated.
    await t.db.query('ALTER TABLE schools RENAME TO schools_gone');
    try {
      const res = await t.client.request(`{ schools { id } }`);
      expect(res.errors?.[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/relation|schools_gone|SELECT|QueryFailedError|at \w+ \(/i);
    } finally {
      await t.db.query('ALTER TABLE schools_gone RENAME TO schools');
    }
  });

  it('refuses batched requests', async () => {
    const res = await post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('prevents CSRF: simple requests without a preflight header are refused', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses bodies over 1 MB', async () => {
    const res = await post({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
  });

  it('sends security headers and a request id', async () => {
    const res = await post({ query: '{ me { id } }' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('answers /health and /health/ready', async () => {
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      NODE_ENV: 'production',
      ENSEMBLE_ADMIN_EMAIL: 'premier@region-sud.fr',
      ENSEMBLE_ADMIN_PASSWORD: 'Premier-Organisateur-2026',
    });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    expect(await t.client.code(`{ __schema { types { name } } }`)).toBe('BAD_USER_INPUT');
  });

  it('creates the first organizer from ENSEMBLE_ADMIN_EMAIL / ENSEMBLE_ADMIN_PASSWORD, once', async () => {
    const { login } = await t.client.ok(
      `mutation { login(login: "premier@region-sud.fr", password: "Premier-Organisateur-2026") { user { role status } } }`,
    );
    expect(login.user).toEqual({ role: 'ORGANIZER', status: 'ACTIVE' });
    expect(await t.factories.count('users', `role = 'ORGANIZER'`)).toBe(1);
  });
});

describe('default per-address limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The default configuration, not the test kit's raised limit.
    t = await createTestApp({
      RATE_LIMIT_PER_MINUTE: loadAppConfig({}).rateLimitPerMinute.toString(),
    });
  });
  afterAll(() => t.close());

  it('lets a whole school behind one address make 600 requests in a minute', async () => {
    const request = () => t.client.request(`{ me { id } }`);
    let limited = 0;
    for (let batch = 0; batch < 30; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, request));
      limited += answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;
    }
    expect(limited).toBe(0);
  });
});

describe('per-address rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers RATE_LIMITED past the limit of one address', async () => {
    for (let i = 0; i < 5; i++) await t.client.ok(`{ me { id } }`);
    expect(await t.client.code(`{ me { id } }`)).toBe('RATE_LIMITED');
  });
});
