// Bugs the mutation fuzzer found, pinned down one by one: each answered 500 or
// INTERNAL_SERVER_ERROR (or a body that is not GraphQL's) for input a client can send.
import { createHackathon, createTestApp, TEAM_OPS, TestApp } from '@ensemble/testing';

describe('hostile input found by the fuzzer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = async (body: string | object) => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const json = (await res.json()) as { errors: { message: string; extensions: unknown }[] };
    return { status: res.status, body: json };
  };

  it('answers a GraphQL syntax error with 400 BAD_USER_INPUT, not 500', async () => {
    // A lone surrogate escape, then an unterminated string.
    for (const query of [
      `mutation { login(login: "\\ud800", password: "x") { accessToken } }`,
      `{ schools(department: "13) { id } }`,
    ]) {
      const res = await post({ query });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: {} });
      expect(res.body.errors[0].message).toMatch(/^Syntax Error/);
    }
  });

  it('answers a document over the token limit with 400 QUERY_TOO_COMPLEX, not 500', async () => {
    const res = await post({
      query: `{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('answers a body that is not JSON with GraphQL errors', async () => {
    const res = await post('{"query": "{ me { id } }"');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', fields: {} } }],
    });
  });

  it('answers a body over 1 MB with 413 and GraphQL errors', async () => {
    const res = await post({ query: `{ me { id } }`, variables: { pad: '👍'.repeat(300_000) } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', fields: {} } }],
    });
  });

  it('refuses text with a NUL character as BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const school = await t.factories.school();
    const pupil = await t.factories.pupil(school.id);
    const hackathon = await createHackathon(t);
    const input = {
      hackathonId: hackathon.id,
      trackId: hackathon.trackIds[0],
      name: 'Les\u0000Dauphins',
    };
    const err = await pupil.client.fails(TEAM_OPS.create, { input });
    expect(err.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { name: expect.stringMatching(/NUL/) },
    });
    expect(await t.factories.count('teams', 'hackathon_id = $1', [hackathon.id])).toBe(0);

    // A scalar argument names itself (the login lookup used to fail in PostgreSQL: 22021).
    const login = await t.client.fails(
      `mutation($l: String!) { login(login: $l, password: "Correct-Horse-Battery-42") { accessToken } }`,
      {
        l: `${pupil.email}\u0000`,
      },
    );
    expect(login.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { login: expect.any(String) },
    });
  });

  it('refuses a lone UTF-16 surrogate instead of storing U+FFFD', async () => {
    const school = await t.factories.school();
    const pupil = await t.factories.pupil(school.id);
    const hackathon = await createHackathon(t);
    const err = await pupil.client.fails(TEAM_OPS.create, {
      input: { hackathonId: hackathon.id, trackId: hackathon.trackIds[0], name: 'Équipe \ud83d' },
    });
    expect(err.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: { name: expect.any(String) },
    });
    // A whole emoji (a surrogate pair) is fine.
    const ok = await pupil.client.ok(TEAM_OPS.create, {
      input: { hackathonId: hackathon.id, trackId: hackathon.trackIds[0], name: 'Équipe 🐬' },
    });
    expect(ok.createTeam.name).toBe('Équipe 🐬');
  });

  it('answers more than 50 ill-typed list items with BAD_USER_INPUT only, not INTERNAL_SERVER_ERROR', async () => {
    const juror = await t.factories.juror();
    const res = await juror.client.request(
      `mutation($id: ID!, $scores: [CriterionScoreInput!]!) { scoreSubmission(assignmentId: $id, scores: $scores, comment: "") { id } }`,
      {
        id: '00000000-0000-4000-8000-000000000000',
        scores: Array.from({ length: 60 }, () => ({ criterionId: 1.5, value: 'x' })),
      },
    );
    expect(res.status).toBe(400);
    expect(res.errors!.length).toBeGreaterThan(50);
    expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(
      new Set(['BAD_USER_INPUT']),
    );
  });
  it('answers a persisted-query hash that does not match with BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const res = await post({
      query: '{ me { id } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: {} });
  });

  it('answers a JSON body in a charset other than UTF-8 with 415 BAD_USER_INPUT', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(415);
    expect(
      ((await res.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: {},
    });
  });

  it('decodes a JSON body declared in UTF-16 (quoted or not, any case) and refuses an unknown UTF charset', async () => {
    const send = (contentType: string, body: Buffer) =>
      fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
    const query = JSON.stringify({ query: '{ __typename }' });
    for (const contentType of [
      'application/json; charset="UTF-16LE"',
      'application/json;charset=utf-16le',
    ]) {
      const res = await send(contentType, Buffer.from(query, 'utf16le'));
      expect({ contentType, status: res.status, body: await res.json() }).toEqual({
        contentType,
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    }
    const odd = await send('application/json; charset=utf-9', Buffer.from(query));
    expect(odd.status).toBe(415);
  });

  it('refuses a subscription over HTTP as BAD_USER_INPUT (it is served over graphql-ws)', async () => {
    const hackathon = await createHackathon(t);
    const res = await post({
      query: `subscription { leaderboardUpdated(hackathonId: "${hackathon.id}") { method } }`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: {} });
    expect(res.body.errors[0].message).toMatch(/WebSocket/);
  });
});
