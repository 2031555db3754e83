// Fuzzes every mutation of schema.gql with hostile input over real HTTP, as every kind of viewer,
// against hackathons in every phase: never a 5xx, never INTERNAL_SERVER_ERROR, only contract
// error codes, ill-typed variables answer BAD_USER_INPUT, and the database invariants hold.
//
// Reproduce or explore: FUZZ_SEED=<n> (default fixed, `random` for a new one; a failure prints
// the seed and path to replay), FUZZ_RUNS=<n> per mutation (default 30), FUZZ_SHRINK=true to
// shrink a counterexample, FUZZ_STATS=1 (or `messages`) to print the outcomes per mutation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getVariableValues,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { createTestApp, TestApp, TestUser } from '@ensemble/testing';
import {
  databaseInvariantViolations,
  historyRegressions,
  submissionHistory,
} from '@ensemble/testing/invariants';
import { Gen, GenContext, hostileString, toLiteral, valueFor } from './arbitraries';
import { DRIVERS, FuzzDriver } from './drivers';
import {
  freshViewer,
  FuzzScenario,
  restoreScenario,
  seedFuzzScenario,
  VIEWER_KINDS,
  ViewerKind,
} from './scenario';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Date.now() % 2 ** 31
    : Number(process.env.FUZZ_SEED ?? 20_260_607);

const CONTRACT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'PHASE_CLOSED',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
]);
/** What an error message must never show a client. */
const LEAK =
  /QueryFailedError|EntityNotFound|TypeORMError|violates|duplicate key|invalid byte sequence|out of range for type|value too long|relation "|column "|syntax error at or near|\bSELECT\b.*\bFROM\b|node_modules|\.ts:\d+|at [\w$.]+ \(/;

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());

/** Scalars of the returned type, and the scalars of its object fields (one level down). */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values((named as GraphQLObjectType).getFields()).filter((f) =>
    f.args.every((a) => !isNonNullType(a.type)),
  );
  const parts = fields.flatMap((f) => {
    if (isLeafType(getNamedType(f.type))) return [f.name];
    if (depth >= 1) return [];
    return [`${f.name} ${selection(f.type, depth + 1)}`];
  });
  return `{ __typename ${parts.join(' ')} }`;
}

interface Call {
  viewer: ViewerKind;
  args: Record<string, Gen>;
  inline: boolean;
}

/** How hostile a call is (see GenContext): a quarter of the calls are plausible everywhere. */
const HOSTILITY = fc.constantFrom(0, 0, 0.15, 0.15, 0.4, 1);

function callArbitrary(
  field: GraphQLField<unknown, unknown>,
  driver: FuzzDriver,
  s: FuzzScenario,
): fc.Arbitrary<Call> {
  const hints = driver.hints?.(s) ?? {};
  const args = (viewer: ViewerKind, hostility: number) => {
    const ctx: GenContext = { pools: s.pools, own: s.own[viewer], hints, hostility };
    const record: Record<string, fc.Arbitrary<Gen>> = {};
    for (const a of field.args)
      record[a.name] = valueFor(a.type as GraphQLInputType, a.name, a.name, ctx);
    return fc.record(record);
  };
  // Mostly the people the mutation is for (so the calls get past the role check), anyone else too.
  const intended = driver.as?.length ? driver.as : VIEWER_KINDS;
  const viewer = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...intended) },
    { weight: 1, arbitrary: fc.constantFrom(...VIEWER_KINDS) },
  );
  return viewer.chain((v) =>
    fc.record({
      viewer: fc.constant(v),
      args: HOSTILITY.chain((h) => args(v, h)),
      inline: fc.oneof(
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    }),
  );
}

function documentFor(
  field: GraphQLField<unknown, unknown>,
  call: Call,
): { query: string; variables: Record<string, unknown> } {
  const given = field.args.filter((a) => call.args[a.name].value !== undefined);
  const select = selection(field.type);
  if (call.inline) {
    const args = given.map(
      (a) => `${a.name}: ${toLiteral(call.args[a.name].value, a.type as GraphQLInputType)}`,
    );
    return {
      query: `mutation Fuzz { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${select} }`,
      variables: {},
    };
  }
  // Every argument is declared; an omitted one is simply not sent (null for a non-null one).
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  const variables: Record<string, unknown> = {};
  for (const a of given) variables[a.name] = call.args[a.name].value;
  return {
    query: `mutation Fuzz${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${select} }`,
    variables,
  };
}

interface Answer {
  status: number;
  text: string;
  body?: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[];
  };
}

async function post(
  baseUrl: string,
  token: string | null,
  payload: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await res.text();
  try {
    return { status: res.status, text, body: JSON.parse(text) };
  } catch {
    return { status: res.status, text };
  }
}

const brief = (x: unknown) => {
  const s = JSON.stringify(x, (_k, v) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 80)}…(${v.length} chars)` : v,
  );
  return s && s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
};

/**
 * Whether GraphQL itself must refuse the request before any resolver runs: graphql-js parses,
 * validates and coerces the variables against schema.gql exactly as the server does. (Its
 * DateTime is lenient like the server's, whose parseValue never throws.)
 */
function refusedByGraphQL(query: string, variables: Record<string, unknown>): string | null {
  try {
    const document = parse(query);
    const invalid = validate(schema, document);
    if (invalid.length) return invalid[0].message;
    const operation = document.definitions[0] as OperationDefinitionNode;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    return coerced.errors?.length ? coerced.errors[0].message : null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The answer obeys the contract, whatever was sent. */
function checkAnswer(answer: Answer, refused: string | null): void {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (!answer.body) problems.push(`not JSON: ${answer.text.slice(0, 300)}`);
  const errors = answer.body?.errors ?? [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (!code || !CONTRACT_CODES.has(code)) problems.push(`error code ${code}: ${e.message}`);
    if (
      code === 'BAD_USER_INPUT' &&
      (typeof e.extensions?.fields !== 'object' || e.extensions.fields === null)
    ) {
      problems.push(`BAD_USER_INPUT without extensions.fields: ${e.message}`);
    }
    if (LEAK.test(e.message)) problems.push(`internals in the message: ${e.message}`);
  }
  if (answer.body && !answer.body.errors && answer.body.data == null)
    problems.push('neither data nor errors');
  if (refused) {
    // Ill-typed input is the client's mistake (a long document may hit the token limit first).
    const allowed = ['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX'];
    if (!errors.length) problems.push(`ill-typed input accepted (${refused})`);
    for (const e of errors)
      if (!allowed.includes(e.extensions?.code ?? ''))
        problems.push(`ill-typed input answered ${e.extensions?.code}: ${e.message}`);
    if (answer.body?.data != null) problems.push('ill-typed input returned data');
  }
  if (problems.length)
    throw new Error(`${problems.join('\n')}\nanswer: ${brief(answer.body ?? answer.text)}`);
}

/** Outcomes per mutation (`ok` or the first error code), printed with FUZZ_STATS=1 to tune the generators. */
const outcomes = new Map<string, Record<string, number>>();
function tally(mutation: string, answer: Answer): void {
  const first = answer.body?.errors?.[0];
  let key =
    answer.status >= 400 && !answer.body?.errors
      ? `HTTP ${answer.status}`
      : (first?.extensions?.code ?? 'ok');
  if (process.env.FUZZ_STATS === 'messages' && first) key += `(${first.message.slice(0, 60)})`;
  const row = outcomes.get(mutation) ?? {};
  row[key] = (row[key] ?? 0) + 1;
  outcomes.set(mutation, row);
}

describe('mutations under hostile input (fuzz)', () => {
  let t: TestApp;
  let s: FuzzScenario;

  beforeAll(async () => {
    t = await createTestApp();
    s = await seedFuzzScenario(t);
  }, 120_000);
  afterAll(async () => {
    if (process.env.FUZZ_STATS) {
      const lines = [...outcomes].map(
        ([m, row]) =>
          `${m.padEnd(22)} ${Object.entries(row)
            .map(([k, n]) => `${k}=${n}`)
            .join(' ')}`,
      );
      process.stdout.write(
        `\nfuzz outcomes (seed ${SEED}, ${RUNS} runs each)\n${lines.join('\n')}\n`,
      );
    }
    await t?.close();
  });

  const tokenOf = async (user: TestUser | null) => (user ? t.factories.tokenFor(user.id) : null);

  async function send(field: GraphQLField<unknown, unknown>, call: Call): Promise<void> {
    const driver = DRIVERS[field.name];
    const user = driver.freshViewer
      ? await freshViewer(t, s, call.viewer)
      : call.viewer === 'anonymous'
        ? null
        : s.viewers[call.viewer].user;
    const { query, variables } = documentFor(field, call);
    const answer = await post(t.baseUrl, await tokenOf(user), { query, variables });
    tally(field.name, answer);
    try {
      checkAnswer(answer, refusedByGraphQL(query, variables));
    } catch (err) {
      throw new Error(
        `${field.name} as ${call.viewer}: ${(err as Error).message}\nquery: ${query.slice(0, 500)}\nvariables: ${brief(variables)}`,
        {
          cause: err,
        },
      );
    }
  }

  it('answers malformed requests (body, envelope, headers) with GraphQL errors, never a 5xx', async () => {
    const documents = mutations.map((m) => `mutation { ${m.name} ${selection(m.type)} }`);
    const envelope = fc.record(
      {
        query: fc.oneof(fc.constantFrom(...documents), hostileString, fc.anything()),
        variables: fc.anything(),
        operationName: fc.oneof(fc.string(), fc.anything()),
        extensions: fc.oneof(
          fc.anything(),
          fc.record({
            persistedQuery: fc.record({ version: fc.anything(), sha256Hash: fc.anything() }),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: envelope.map((e) => JSON.stringify(e)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: hostileString },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          '{',
          '[{"query":"{ me { id } }"}]',
          'null',
          '"x"',
          '{"query":"{ me { id } }"}}',
        ),
      },
    );
    const headers = fc.record({
      'content-type': fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/graphql',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ),
      'apollo-require-preflight': fc.constantFrom('true', ''),
      authorization: fc.oneof(
        fc.constant(''),
        fc.stringMatching(/^Bearer [!-~]{0,80}$/),
        fc.stringMatching(/^[!-~]{0,40}$/),
      ),
    });
    await fc.assert(
      fc.asyncProperty(body, headers, async (payload, sent) => {
        const answer = await post(t.baseUrl, null, payload, sent);
        try {
          checkAnswer(answer, null);
        } catch (err) {
          throw new Error(
            `${(err as Error).message}\nheaders: ${brief(sent)}\nbody: ${brief(payload)}`,
            { cause: err },
          );
        }
      }),
      { numRuns: RUNS * 2, seed: SEED - 1, endOnFailure: process.env.FUZZ_SHRINK !== 'true' },
    );
  }, 120_000);

  it('has a fuzz driver for every mutation of the schema', () => {
    expect(mutations.map((m) => m.name).filter((name) => !DRIVERS[name])).toEqual([]);
    expect(
      Object.keys(DRIVERS).filter((name) => !schema.getMutationType()!.getFields()[name]),
    ).toEqual([]);
  });

  describe.each(mutations.map((m, i) => [m.name, m, i] as const))('%s', (name, field, index) => {
    it(`answers hostile input with contract errors only and keeps the database sound`, async () => {
      const driver = DRIVERS[name];
      if (!driver)
        throw new Error(
          `No fuzz driver for mutation ${name}: add one to apps/api/test/fuzz/drivers.ts`,
        );
      await restoreScenario(t, s);
      const history = await submissionHistory((q, p) => t.db.query(q, p));
      await fc.assert(
        fc.asyncProperty(callArbitrary(field, driver, s), (call) => send(field, call)),
        {
          numRuns: Math.max(5, Math.round(RUNS * (driver.runs ?? 1))),
          seed: SEED + index,
          endOnFailure: process.env.FUZZ_SHRINK !== 'true',
        },
      );
      expect(await databaseInvariantViolations((q, p) => t.db.query(q, p))).toEqual([]);
      expect(
        historyRegressions(history, await submissionHistory((q, p) => t.db.query(q, p))),
      ).toEqual([]);
    }, 120_000);
  });

  it('keeps the database sound through random sequences of every mutation, interleaved', async () => {
    await restoreScenario(t, s);
    const history = await submissionHistory((q, p) => t.db.query(q, p));
    const known = mutations.filter((m) => DRIVERS[m.name]);
    const step = fc
      .constantFrom(...known)
      .chain((field) =>
        callArbitrary(field, DRIVERS[field.name], s).map((call) => ({ field, call })),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 15 }), async (steps) => {
        for (const { field, call } of steps) await send(field, call);
      }),
      {
        numRuns: Math.max(3, Math.round(RUNS / 4)),
        seed: SEED + mutations.length,
        endOnFailure: process.env.FUZZ_SHRINK !== 'true',
      },
    );
    expect(await databaseInvariantViolations((q, p) => t.db.query(q, p))).toEqual([]);
    expect(
      historyRegressions(history, await submissionHistory((q, p) => t.db.query(q, p))),
    ).toEqual([]);
  }, 120_000);
});
