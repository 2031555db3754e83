// fast-check arbitraries for hostile GraphQL input: hostile strings and numbers, and a generic
// generator that walks any GraphQL input type (so a new mutation is fuzzed from its signature).
import fc from 'fast-check';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLScalarType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

// ---------------------------------------------------------------------------------------------
// Hostile text

/** C0/C1 controls, NUL first: PostgreSQL refuses NUL in text. */
export const CONTROL_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
];
/** Invisible and direction-changing characters. */
export const FORMAT_CHARS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2069',
  '\u061c',
  '\u180e',
  '\ufe0f',
  '\u034f',
];
/** UTF-16 halves without their partner. */
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'];
/** Look-alikes of Latin letters (Cyrillic, Greek, full-width, mathematical) and case traps. */
export const CONFUSABLES = [
  'а',
  'е',
  'о',
  'р',
  'с',
  'х',
  'і',
  'ԁ',
  'ο',
  'ν',
  'ɡ',
  'ı',
  'ſ',
  'K',
  'Å',
  'ß',
  'İ',
  'ﬁ',
  'ｆ',
  'Ａ',
  '０',
  '𝐚',
  'ℌ',
  'ǅ',
];
/** Text that means something to a database, a browser, a template engine or a shell. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '"; SELECT pg_sleep(10); --',
  "\\'; COPY users TO '/tmp/x'; --",
  '$1',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '\\u0000',
  '%00',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '=cmd|" /C calc"!A0',
  '\u0000\u0000',
];
/** Scripts, emoji and combining marks that stretch "one character". */
export const EXOTIC = [
  'مرحبا بالعالم',
  'שלום',
  '中文字符',
  'ﷺ',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇫🇷',
  'e\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\u{10ffff}',
  '\ufffe',
  '\uffff',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u2029',
];
/** Insults: the moderation must refuse them, not crash on them. */
export const INSULTS = ['connard', 'salope', 'Espèce de CONNARD', 'c.o.n.n.a.r.d', 'idiot', 'fuck'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CONTROL_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMAT_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 2, arbitrary: fc.constantFrom(...CONFUSABLES) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...EXOTIC) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...INSULTS) },
);

/** Any UTF-16 code unit, surrogate halves included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  maxLength: 40,
});

/**
 * Huge strings: 100 000 to 250 000 characters. A 4-byte character repeated that often makes a
 * request body over the 1 MB limit, which must answer 413 as JSON, not 500.
 */
export const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'é', '\u0000', '👍', 'Ab1 ', '\u202e', 'а'),
    fc.integer({ min: 100_000, max: 250_000 }),
  )
  .map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: codeUnits },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '   ', '\t\n', '\u00a0\u3000', '\u200b\u200b\u200b'),
  },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => 'x'.repeat(n * 100)) },
);

/** A plausible value with hostile characters slipped in (gets past the length rules to the database). */
export const tainted = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(base, piece, fc.nat()).map(([b, p, at]) => {
    const i = b.length ? at % (b.length + 1) : 0;
    return b.slice(0, i) + p + b.slice(i);
  });

/** Plausible values (often valid), tainted ones and hostile ones. */
export const mixedString = (plausible: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 3, arbitrary: tainted(plausible) },
    { weight: 3, arbitrary: hostileString },
  );

export const words = fc
  .array(
    fc.constantFrom(
      'Ensemble',
      'contre',
      'le',
      'harcèlement',
      'Équipe',
      'projet',
      'élèves',
      'Nice',
      'Marseille',
      'app',
      'écoute',
      'Ça',
      'va',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((w) => w.join(' '));

// ---------------------------------------------------------------------------------------------
// Hostile numbers

export const INT_MAX = 2 ** 31 - 1;
export const INT_MIN = -(2 ** 31);

/** Ints a GraphQL Int accepts: boundaries, negatives and small values. */
export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 25 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      INT_MAX,
      INT_MIN,
      INT_MAX - 1,
      INT_MIN + 1,
      32767,
      -32768,
      65535,
      1900,
      2200,
      1899,
      2201,
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: INT_MIN, max: INT_MAX }) },
);

/** Finite floats (JSON has no NaN or Infinity: they would arrive as null). */
export const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -5, max: 1200, noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      1000,
      1000.0000001,
      5e-324,
      -5e-324,
      1.7976931348623157e308,
      -1.7976931348623157e308,
      2 ** 53,
      1e-300,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

// ---------------------------------------------------------------------------------------------
// Generated values with what GraphQL makes of them

/**
 * A generated argument value; `undefined` means "leave it out". Whether GraphQL accepts it is not
 * guessed here: the test asks graphql-js itself (the same coercion the server runs).
 */
export interface Gen {
  value: unknown;
}

const gen = (value: unknown): Gen => ({ value });

/** JSON values of the wrong kind for any scalar. */
const wrongJson = fc.oneof(
  fc.constantFrom<unknown>(true, false, 0, -1, 1.5, 2 ** 53, {}, [], [[]], { a: 1 }, ['x'], '{}'),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** ID-like strings that are not UUIDs. */
export const malformedId = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    'null',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-00000000000',
    '00000000-0000-0000-0000-0000000000000',
    '{00000000-0000-0000-0000-000000000000}',
    '00000000000000000000000000000000',
    'g0000000-0000-0000-0000-000000000000',
    "1' OR '1'='1",
    '../users',
    '\u0000',
  ),
  fc.uuid().map((u) => `${u}\u0000`),
  fc.uuid().map((u) => ` ${u} `),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => u.replace('a', 'а')),
  hostileString,
);

/** Pools of real values from the seeded scenario, looked up by argument name. */
export interface Pools {
  /** Real ids of any kind (other users' objects). */
  anyId: string[];
  /** Real ids by argument name: teamId, hackathonId, userId… */
  idsByName: Record<string, string[]>;
  /** Plausible strings by argument name: slug, email, inviteCode, refreshToken… */
  stringsByName: Record<string, fc.Arbitrary<string>>;
  /** Plausible ints by argument name: birthYear, maxScore… */
  intsByName: Record<string, fc.Arbitrary<number>>;
}

/** Hints give the plausible values of one argument path ("input.slug", "teamId"). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/**
 * What a generator needs: real values, hints, and how hostile this call is: each value is
 * hostile with probability `hostility` and plausible otherwise. Calls at 0 reach the business
 * rules and succeed; calls at 1 are garbage everywhere; in between, one bad field among good ones
 * gets past the first checks to the deeper layers.
 */
export interface GenContext {
  pools: Pools;
  /** Ids by argument name that belong to the caller (their teams, their assignments…). */
  own: Record<string, string[]>;
  hints: Hints;
  hostility: number;
}

const pick = <T>(pool: T[]): fc.Arbitrary<T> | null =>
  pool.length ? fc.constantFrom(...pool) : null;

/** Plausible with probability 1 − hostility, hostile otherwise. */
function mix(
  ctx: GenContext,
  plausible: fc.Arbitrary<Gen>,
  hostile: fc.Arbitrary<Gen>,
): fc.Arbitrary<Gen> {
  if (ctx.hostility <= 0) return plausible;
  if (ctx.hostility >= 1) return hostile;
  const h = Math.round(ctx.hostility * 100);
  return fc.oneof({ weight: 100 - h, arbitrary: plausible }, { weight: h, arbitrary: hostile });
}

function plausibleId(name: string, ctx: GenContext): fc.Arbitrary<string> {
  const anyOfKind = pick(ctx.pools.idsByName[name] ?? []) ?? pick(ctx.pools.anyId) ?? fc.uuid();
  const own = pick(ctx.own[name] ?? []);
  return own
    ? fc.oneof({ weight: 3, arbitrary: own }, { weight: 2, arbitrary: anyOfKind })
    : anyOfKind;
}

function hostileId(pools: Pools): fc.Arbitrary<Gen> {
  const options: fc.WeightedArbitrary<Gen>[] = [
    { weight: 2, arbitrary: fc.uuid().map(gen) },
    { weight: 3, arbitrary: malformedId.map(gen) },
    // GraphQL's ID accepts integers (as strings); the resolver must still refuse them.
    { weight: 1, arbitrary: fc.integer({ min: -5, max: INT_MAX }).map(gen) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.constant(1.5), fc.boolean(), fc.constant({}), fc.constant([]))
        .map(gen),
    },
  ];
  const anyReal = pick(pools.anyId);
  if (anyReal) {
    options.push({ weight: 3, arbitrary: anyReal.map(gen) });
    options.push({ weight: 1, arbitrary: anyReal.map((id) => gen(id.toUpperCase())) });
  }
  return fc.oneof(...options);
}

/** A date-time a client could send: valid ISO strings around now. */
const plausibleDateTime = fc
  .integer({ min: -2, max: 40 })
  .map((days) => gen(new Date(Date.now() + days * 86_400_000).toISOString()));
/** Garbage the DateTime scalar passes on as an Invalid Date (its parseValue never refuses). */
const hostileDateTime: fc.Arbitrary<Gen> = fc.oneof(
  fc
    .constantFrom<unknown>(
      '',
      'tomorrow',
      '2024-02-30T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '+275760-09-13T00:00:00.001Z',
      '-271821-04-20T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00Z',
      '2025-13-01',
      '2025-01-01T25:00:00Z',
      '\u0000',
      0,
      -1,
      8.64e15,
      8.64e15 + 1,
      1e20,
      true,
      {},
      [],
    )
    .map(gen),
  hostileString.map(gen),
  fc
    .integer({ min: -30, max: 60 })
    .map((days) => gen(new Date(Date.now() + days * 86_400_000).toISOString())),
);

/** A value for a named (non-list, non-null) input type. */
function namedValue(
  type: GraphQLInputType,
  name: string,
  path: string,
  ctx: GenContext,
): fc.Arbitrary<Gen> {
  const hint = ctx.hints[path];
  const plausibleOr = (fallback: fc.Arbitrary<unknown>) => (hint ?? fallback).map(gen);
  if (isScalarType(type)) {
    switch ((type as GraphQLScalarType).name) {
      case 'String': {
        const plausible =
          (hint as fc.Arbitrary<string> | undefined) ?? ctx.pools.stringsByName[name] ?? words;
        return mix(
          ctx,
          plausible.map(gen),
          fc.oneof(
            { weight: 8, arbitrary: tainted(plausible).map(gen) },
            { weight: 10, arbitrary: hostileString.map(gen) },
            {
              weight: 1,
              arbitrary: fc
                .oneof(hostileInt, fc.boolean(), fc.constant({}), fc.constant([]))
                .map(gen),
            },
          ),
        );
      }
      case 'ID':
        return mix(ctx, plausibleOr(plausibleId(name, ctx)), hostileId(ctx.pools));
      case 'Int':
        return mix(
          ctx,
          plausibleOr(ctx.pools.intsByName[name] ?? fc.integer({ min: 0, max: 20 })),
          fc.oneof(
            { weight: 10, arbitrary: hostileInt.map(gen) },
            {
              weight: 2,
              arbitrary: fc
                .constantFrom<unknown>(
                  INT_MAX + 1,
                  INT_MIN - 1,
                  2 ** 53,
                  -(2 ** 53),
                  1e21,
                  0.5,
                  -0.5,
                  '1',
                  '0x10',
                  'NaN',
                  true,
                  null,
                )
                .map(gen),
            },
            { weight: 1, arbitrary: wrongJson.map(gen) },
          ),
        );
      case 'Float':
        return mix(
          ctx,
          plausibleOr(fc.double({ min: 0.1, max: 10, noNaN: true })),
          fc.oneof(
            { weight: 10, arbitrary: hostileFloat.map(gen) },
            {
              weight: 1,
              arbitrary: fc.constantFrom<unknown>('1.5', 'Infinity', 'NaN', true, {}, []).map(gen),
            },
          ),
        );
      case 'Boolean':
        return mix(
          ctx,
          plausibleOr(fc.boolean()),
          fc.oneof(
            { weight: 4, arbitrary: fc.boolean().map(gen) },
            {
              weight: 1,
              arbitrary: fc.constantFrom<unknown>(0, 1, 'true', 'false', '', {}, []).map(gen),
            },
          ),
        );
      case 'DateTime':
        return mix(ctx, hint ? hint.map(gen) : plausibleDateTime, hostileDateTime);
      default:
        return fc.oneof(hostileString.map(gen), wrongJson.map(gen));
    }
  }
  if (isEnumType(type)) {
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
    return mix(
      ctx,
      plausibleOr(fc.constantFrom(...values)),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...values).map(gen) },
        {
          weight: 3,
          arbitrary: fc
            .oneof(
              fc.constantFrom(...values).map((v) => v.toLowerCase()),
              fc.constantFrom(...values).map((v) => ` ${v}`),
              fc.constantFrom(...values).map((v) => v.replace('A', 'А')),
              fc.constantFrom('ADMIN', 'SUPERUSER', 'ROOT', '', 'DELETED', '0'),
              hostileString,
            )
            .filter((v) => !values.includes(v))
            .map(gen),
        },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 1, true, {}, []).map(gen) },
      ),
    );
  }
  if (isInputObjectType(type)) return inputObjectValue(type as GraphQLInputObjectType, path, ctx);
  throw new Error(`No arbitrary for input type ${String(type)}`);
}

function inputObjectValue(
  type: GraphQLInputObjectType,
  path: string,
  ctx: GenContext,
): fc.Arbitrary<Gen> {
  const hint = ctx.hints[path];
  const fields = Object.values(type.getFields());
  const record: Record<string, fc.Arbitrary<Gen>> = {};
  for (const f of fields)
    record[f.name] = valueFor(f.type, f.name, path ? `${path}.${f.name}` : f.name, ctx);
  const object = fc.record(record).map((gens): Gen => {
    const value: Record<string, unknown> = {};
    for (const [k, g] of Object.entries(gens)) if (g.value !== undefined) value[k] = g.value;
    return { value };
  });
  const hostile = fc.oneof(
    // An unknown field is refused by GraphQL's coercion.
    fc
      .tuple(
        object,
        fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'status', 'isAdmin', 'version'),
        hostileString,
      )
      .filter(([, key]) => !(key in type.getFields()))
      .map(([g, key, v]) => {
        const value = { ...(g.value as object) };
        Object.defineProperty(value, key, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return gen(value);
      }),
    wrongJson.filter((v) => typeof v !== 'object' || Array.isArray(v) || v === null).map(gen),
  );
  const plausible = hint ? fc.oneof(hint.map(gen), object) : object;
  const h = Math.round(ctx.hostility * 4);
  return h
    ? fc.oneof({ weight: 12, arbitrary: plausible }, { weight: h, arbitrary: hostile })
    : plausible;
}

function listValue(
  type: GraphQLList<GraphQLInputType>,
  name: string,
  path: string,
  ctx: GenContext,
): fc.Arbitrary<Gen> {
  const itemType = type.ofType;
  const item = valueFor(itemType, name, `${path}[]`, ctx);
  const list = (min: number, max: number) =>
    fc.array(item, { minLength: min, maxLength: max }).map(
      // An omitted item is sent as null by JSON.
      (gens): Gen => ({ value: gens.map((g) => (g.value === undefined ? null : g.value)) }),
    );
  const hint = ctx.hints[path];
  return mix(
    ctx,
    hint ? hint.map(gen) : list(1, 3),
    fc.oneof(
      { weight: 10, arbitrary: list(0, 4) },
      // Past the API's bounds (e.g. 200 pupils at once) without blowing the 1 MB body limit.
      { weight: 1, arbitrary: fc.integer({ min: 150, max: 260 }).chain((n) => list(n, n)) },
      // A single value where a list is expected: GraphQL coerces it into a list of one.
      {
        weight: 1,
        arbitrary: item.filter(
          (g) => g.value !== undefined && g.value !== null && !Array.isArray(g.value),
        ),
      },
    ),
  );
}

/**
 * A value for any GraphQL input type at `path` (dotted, e.g. "input.title"), named `name` (the
 * last segment, used to find plausible values in the pools).
 */
export function valueFor(
  type: GraphQLInputType,
  name: string,
  path: string,
  ctx: GenContext,
): fc.Arbitrary<Gen> {
  if (isNonNullType(type)) {
    const inner = type.ofType as GraphQLInputType;
    const present = nonNullValue(inner, name, path, ctx);
    return mix(
      ctx,
      present,
      fc.oneof(
        { weight: 12, arbitrary: present },
        { weight: 1, arbitrary: fc.constantFrom<Gen>(gen(null), gen(undefined)) },
      ),
    );
  }
  return fc.oneof(
    { weight: 10, arbitrary: nonNullValue(type, name, path, ctx) },
    { weight: 1, arbitrary: fc.constantFrom<Gen>(gen(null), gen(undefined)) },
  );
}

function nonNullValue(
  type: GraphQLInputType,
  name: string,
  path: string,
  ctx: GenContext,
): fc.Arbitrary<Gen> {
  if (isListType(type)) return listValue(type as GraphQLList<GraphQLInputType>, name, path, ctx);
  return namedValue(type, name, path, ctx);
}

// ---------------------------------------------------------------------------------------------
// Inline literals

const ENUM_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Prints a JSON value as a GraphQL literal of `type` (enums bare when they look like names). */
export function toLiteral(value: unknown, type: GraphQLInputType): string {
  const named = isNonNullType(type) ? (type.ofType as GraphQLInputType) : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const itemType = isListType(named) ? (named as GraphQLList<GraphQLInputType>).ofType : named;
    return `[${value.map((v) => toLiteral(v, itemType)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? (named as GraphQLInputObjectType).getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => ENUM_NAME.test(k))
      .map(([k, v]) => `${k}: ${toLiteral(v, fields[k]?.type ?? named)}`);
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (isEnumType(named) && ENUM_NAME.test(value) && !['true', 'false', 'null'].includes(value))
      return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}
