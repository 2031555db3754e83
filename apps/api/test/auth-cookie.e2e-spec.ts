// The web client's session: the refresh token in an HttpOnly cookie (POST /api/auth/refresh and
// /api/auth/logout), opened by the GraphQL login/register/acceptInvitation with `X-Ensemble-Session: cookie`.
import { createTestApp, SchoolRow, TEST_PASSWORD, TestApp } from '@ensemble/testing';

// Booting API instances and hashing passwords take seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

const SESSION = { 'x-ensemble-session': 'cookie' };
const LOGIN = `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id status } }`;
const THIRTY_DAYS_S = 30 * 24 * 3600;

interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The Set-Cookie of the refresh cookie in a response, parsed (null when the response sets none). */
function refreshCookieOf(res: Response): SetCookie | null {
  for (const header of res.headers.getSetCookie()) {
    const [pair, ...rest] = header.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (name !== 'ensemble_refresh') continue;
    const attributes: Record<string, string | true> = {};
    for (const attr of rest) {
      const i = attr.indexOf('=');
      if (i < 0) attributes[attr.toLowerCase()] = true;
      else attributes[attr.slice(0, i).toLowerCase()] = attr.slice(i + 1);
    }
    return { name, value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  }
  return null;
}

describe('cookie session (web client)', () => {
  let t: TestApp;
  let school: SchoolRow;

  beforeAll(async () => {
    t = await createTestApp();
    school = await t.factories.school();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(new Date()));

  const graphql = (
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  /** Signs in as the web client does; returns the body and the cookie's value. */
  async function cookieLogin(login: string, password = TEST_PASSWORD) {
    const res = await graphql(LOGIN, { login, password }, SESSION);
    const body = (await res.json()) as {
      data?: { login: { accessToken: string; refreshToken: string; user: { id: string } } };
      errors?: { extensions: { code: string } }[];
    };
    return { res, body, cookie: refreshCookieOf(res) };
  }

  const post = (
    path: 'refresh' | 'logout',
    cookie: string | null,
    headers: Record<string, string> = SESSION,
  ) =>
    fetch(`${t.baseUrl}/api/auth/${path}`, {
      method: 'POST',
      headers: {
        ...headers,
        ...(cookie ? { cookie: `ensemble_refresh=${encodeURIComponent(cookie)}` } : {}),
      },
    });

  async function refreshed(cookie: string) {
    const res = await post('refresh', cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; expiresAt: string };
    const next = refreshCookieOf(res);
    expect(next).not.toBeNull();
    return { res, body, cookie: next!.value };
  }

  const errorCode = async (res: Response) =>
    ((await res.json()) as { error: { code: string } }).error.code;

  describe('signing in', () => {
    it('sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie on /api/auth for 30 days, out of the body', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { body, cookie } = await cookieLogin(pupil.email);
      expect(cookie).not.toBeNull();
      expect(cookie!.value).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
      expect(cookie!.attributes).toMatchObject({
        httponly: true,
        secure: true,
        samesite: 'Strict',
        path: '/api/auth',
        'max-age': String(THIRTY_DAYS_S),
      });
      const expires = new Date(cookie!.attributes.expires as string).getTime();
      expect(Math.abs(expires - (Date.now() + THIRTY_DAYS_S * 1000))).toBeLessThan(60_000);
      // The page's scripts never see the refresh token, only the access token.
      expect(body.data!.login.refreshToken).toBe('');
      expect((await t.client.as(body.data!.login.accessToken).ok(ME)).me.id).toBe(pupil.id);
    });

    it('keeps the body-based contract for API clients: no header, no cookie', async () => {
      const pupil = await t.factories.pupil(school.id);
      const res = await graphql(LOGIN, { login: pupil.email, password: TEST_PASSWORD });
      const body = (await res.json()) as { data: { login: { refreshToken: string } } };
      expect(refreshCookieOf(res)).toBeNull();
      expect(body.data.login.refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    });

    it('throttles cookie logins like any login, and sets no cookie when refused', async () => {
      const pupil = await t.factories.pupil(school.id);
      for (let i = 0; i < 5; i++) {
        const { body, cookie } = await cookieLogin(pupil.email, `Wrong-Password-${i}`);
        expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(cookie).toBeNull();
      }
      const { body, cookie } = await cookieLogin(pupil.email);
      expect(body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(cookie).toBeNull();
    });

    it('register and acceptInvitation open a cookie session too', async () => {
      const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { status } } }`;
      const input = {
        role: 'PUPIL',
        email: `cookie-${Date.now()}@test.fr`,
        password: 'Calanques-Sous-Le-Soleil',
        firstName: 'Lina',
        lastName: 'Benali',
        schoolId: school.id,
        birthYear: new Date().getUTCFullYear() - 16,
      };
      const registered = await graphql(REGISTER, { input }, SESSION);
      const body = (await registered.json()) as {
        data: { register: { refreshToken: string; user: { status: string } } };
      };
      expect(body.data.register).toMatchObject({ refreshToken: '', user: { status: 'PENDING' } });
      // A PENDING pupil may refresh (RULES): a reload keeps them signed in while they wait.
      const pending = await refreshed(refreshCookieOf(registered)!.value);
      expect((await t.client.as(pending.body.accessToken).ok(ME)).me.status).toBe('PENDING');

      const organizer = await t.factories.organizer();
      const { createInvitation: code } = await organizer.client.ok(
        `mutation($e: String!) { createInvitation(role: JUROR, email: $e) }`,
        { e: `juror-${Date.now()}@test.fr` },
      );
      const accepted = await graphql(
        `
          mutation ($c: String!, $p: String!) {
            acceptInvitation(code: $c, password: $p, firstName: "Jo", lastName: "Ury") {
              refreshToken
            }
          }
        `,
        { c: code, p: 'Calanques-Sous-Le-Soleil' },
        SESSION,
      );
      expect(
        ((await accepted.json()) as { data: { acceptInvitation: { refreshToken: string } } }).data
          .acceptInvitation.refreshToken,
      ).toBe('');
      await refreshed(refreshCookieOf(accepted)!.value);
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates the cookie and returns a working access token that lives 15 minutes', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      const { res, body, cookie: next } = await refreshed(cookie!.value);
      expect(next).not.toBe(cookie!.value);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(refreshCookieOf(res)!.attributes).toMatchObject({
        httponly: true,
        secure: true,
        samesite: 'Strict',
        path: '/api/auth',
        'max-age': String(THIRTY_DAYS_S),
      });
      expect(
        Math.abs(new Date(body.expiresAt).getTime() - (t.clock.now().getTime() + 15 * 60 * 1000)),
      ).toBeLessThan(5000);
      expect((await t.client.as(body.accessToken).ok(ME)).me.id).toBe(pupil.id);
      // And again with the rotated cookie.
      await refreshed(next);
    });

    it('revokes the whole family when an already rotated cookie comes back, and clears it', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      const { cookie: next } = await refreshed(cookie!.value);

      const replay = await post('refresh', cookie!.value);
      expect(replay.status).toBe(401);
      expect(await errorCode(replay)).toBe('UNAUTHENTICATED');
      const cleared = refreshCookieOf(replay);
      expect(cleared?.value).toBe('');
      expect(new Date(cleared!.attributes.expires as string).getTime()).toBeLessThan(Date.now());
      // The legitimate holder's newer cookie is dead too.
      expect((await post('refresh', next)).status).toBe(401);
    });

    it('refuses a request without the X-Ensemble-Session header (CSRF) and leaves the session alone', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      const attempts: Record<string, string>[] = [
        {},
        { 'x-ensemble-session': 'yes' },
        { 'content-type': 'application/x-www-form-urlencoded' },
      ];
      for (const headers of attempts) {
        const res = await post('refresh', cookie!.value, headers);
        expect(res.status).toBe(403);
        expect(await errorCode(res)).toBe('FORBIDDEN');
        expect(refreshCookieOf(res)).toBeNull();
      }
      const logout = await post('logout', cookie!.value, {});
      expect(logout.status).toBe(403);
      // Nothing was rotated or revoked: the cookie still works.
      await refreshed(cookie!.value);
    });

    it('answers 401 without a cookie, with a malformed one and with an unknown one', async () => {
      expect((await post('refresh', null)).status).toBe(401);
      expect((await post('refresh', 'garbage')).status).toBe(401);
      expect(
        (
          await post(
            'refresh',
            '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          )
        ).status,
      ).toBe(401);
    });

    it('refuses a cookie older than 30 days', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      t.clock.advance(THIRTY_DAYS_S * 1000 + 1000);
      expect((await post('refresh', cookie!.value)).status).toBe(401);
    });

    it('ends live cookie sessions of a suspended user; signing in again while SUSPENDED allows refresh and `me` only', async () => {
      const organizer = await t.factories.organizer();
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      await organizer.client.ok(`mutation($id: ID!) { suspendUser(userId: $id) { status } }`, {
        id: pupil.id,
      });
      expect((await post('refresh', cookie!.value)).status).toBe(401);

      const again = await cookieLogin(pupil.email);
      const { body } = await refreshed(again.cookie!.value);
      const client = t.client.as(body.accessToken);
      expect((await client.ok(ME)).me.status).toBe('SUSPENDED');
      expect(await client.code(`{ hackathons { id } }`)).toBe('FORBIDDEN');
    });

    it('refuses the cookie of a deleted account', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { cookie } = await cookieLogin(pupil.email);
      await pupil.client.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, {
        p: TEST_PASSWORD,
      });
      expect((await post('refresh', cookie!.value)).status).toBe(401);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('revokes the session and clears the cookie, leaving the user’s other devices signed in', async () => {
      const pupil = await t.factories.pupil(school.id);
      const otherDevice = (
        await t.client.ok(LOGIN, { login: pupil.email, password: TEST_PASSWORD })
      ).login.refreshToken as string;
      const { cookie } = await cookieLogin(pupil.email);
      const { cookie: current } = await refreshed(cookie!.value);
      const res = await post('logout', current);
      expect(res.status).toBe(204);
      const cleared = refreshCookieOf(res);
      expect(cleared).toMatchObject({
        value: '',
        attributes: { path: '/api/auth', httponly: true, secure: true, samesite: 'Strict' },
      });
      expect(new Date(cleared!.attributes.expires as string).getTime()).toBeLessThan(Date.now());
      expect((await post('refresh', current)).status).toBe(401);
      await t.client.ok(
        `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`,
        { r: otherDevice },
      );
    });

    it('clears the cookie even without a session', async () => {
      const res = await post('logout', null);
      expect(res.status).toBe(204);
      expect(refreshCookieOf(res)?.value).toBe('');
    });
  });
});

describe('cookie session endpoints under the per-address limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answer 429 past the limit of one address, like GraphQL', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${t.baseUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: SESSION,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
