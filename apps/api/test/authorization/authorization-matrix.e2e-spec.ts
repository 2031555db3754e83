// Walks the authorisation matrix of policy.ts: every root field of schema.gql, called as every
// viewer, must be allowed, filtered or refused exactly as declared; refused calls write nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  changedTables,
  createTestApp,
  databaseFingerprint,
  GqlResponse,
  PhaseName,
  TestApp,
} from '@ensemble/testing';
import { Case, FieldPolicy, Outcome, POLICY } from './policy';
import { buildWorld, VIEWER_LABELS, VIEWERS, ViewerName, World } from './world';

const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;

/** `Query.me`, `Mutation.login`… for every root field of the committed schema. */
function schemaRootFields(): string[] {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
  const roots = {
    Query: schema.getQueryType(),
    Mutation: schema.getMutationType(),
    Subscription: schema.getSubscriptionType(),
  };
  return ROOTS.flatMap((root) =>
    Object.keys(roots[root]?.getFields() ?? {}).map((name) => `${root}.${name}`),
  ).sort();
}

const fieldName = (policy: FieldPolicy) => policy.field.split('.')[1];
const describeOutcome = (o: Outcome) =>
  o.kind === 'deny'
    ? o.code
    : o.kind === 'empty'
      ? 'allowed, sees nothing'
      : o.domainError
        ? `allowed (then ${o.domainError})`
        : 'allowed';

describe('authorisation matrix (policy.ts)', () => {
  describe('the table', () => {
    const declared: string[] = POLICY.map((p) => p.field);

    it('has a row for every Query, Mutation and Subscription field of schema.gql, and none for a field that is gone', () => {
      const fields = schemaRootFields();
      expect({
        withoutRow: fields.filter((f) => !declared.includes(f)),
        rowWithoutField: declared.filter((f) => !fields.includes(f)),
        duplicateRows: declared.filter((f, i) => declared.indexOf(f) !== i),
      }).toEqual({ withoutRow: [], rowWithoutField: [], duplicateRows: [] });
    });

    it('declares every viewer in every case, and each case calls its own field', () => {
      const problems: string[] = [];
      for (const policy of POLICY) {
        for (const [i, kase] of policy.cases.entries()) {
          const where = `${policy.field} case ${i + 1} (${kase.phase})`;
          const missing = VIEWERS.filter((v) => !kase.viewers[v]);
          if (missing.length) problems.push(`${where}: no outcome for ${missing.join(', ')}`);
          const extra = Object.keys(kase.viewers).filter((v) => !VIEWERS.includes(v as ViewerName));
          if (extra.length) problems.push(`${where}: unknown viewers ${extra.join(', ')}`);
          const ops = parse(kase.document).definitions.filter(
            (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
          );
          const root = ops[0]?.selectionSet.selections;
          if (
            ops.length !== 1 ||
            `${ops[0].operation[0].toUpperCase()}${ops[0].operation.slice(1)}` !==
              policy.field.split('.')[0] ||
            root.length !== 1 ||
            root[0].kind !== Kind.FIELD ||
            root[0].name.value !== fieldName(policy) ||
            root[0].alias
          )
            problems.push(
              `${where}: the document must be one operation selecting only ${policy.field}`,
            );
          const isSubscription = policy.field.startsWith('Subscription.');
          const filters = Object.values(kase.viewers).some((o) => o.kind === 'empty');
          if (isSubscription && filters && (!kase.trigger || !kase.secret))
            problems.push(
              `${where}: a filtered subscription needs a trigger and a secret to prove the filter`,
            );
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('every field as every viewer', () => {
    let t: TestApp;
    const shared = new Map<PhaseName, Promise<World>>();
    /** Subscriptions still open (closed after each case; whatever a failure left open, at the end). */
    const open = new Set<Probe>();
    let checks = 0;
    let freshWorlds = 0;
    const started = Date.now();

    /** The world of a phase shared by every call that does not need a fresh one. */
    const sharedWorld = (phase: PhaseName): Promise<World> => {
      if (!shared.has(phase)) shared.set(phase, buildWorld(t, phase));
      return shared.get(phase)!;
    };

    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await Promise.all([...open].map((p) => p.close()));
      await t?.close();
      console.log(
        `Authorisation matrix: ${POLICY.length} fields, ${VIEWERS.length} viewers, ${checks} checks, ` +
          `${shared.size} shared + ${freshWorlds} fresh worlds, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });

    /** Compares one call's answer with the declared outcome; returns what is wrong (empty: as declared). */
    function judge(
      policy: FieldPolicy,
      kase: Case,
      w: World,
      viewer: ViewerName,
      outcome: Outcome,
      res: GqlResponse<Record<string, unknown>>,
    ): string[] {
      const problems: string[] = [];
      const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? e.message);
      const value = res.data?.[fieldName(policy)];
      const answer = JSON.stringify(res.data ?? null);
      const secret = kase.secret?.(w, viewer);
      const got = codes.length
        ? `errors ${JSON.stringify(res.errors)}`
        : `data ${answer.slice(0, 300)}`;
      switch (outcome.kind) {
        case 'deny':
          if (codes.length !== 1 || codes[0] !== outcome.code) problems.push(`got ${got}`);
          else if (value != null)
            problems.push(`refused but still answered ${answer.slice(0, 300)}`);
          break;
        case 'allow':
          if (outcome.domainError) {
            if (codes.length !== 1 || codes[0] !== outcome.domainError) problems.push(`got ${got}`);
          } else if (codes.length) problems.push(`got ${got}`);
          else if (value == null) problems.push(`answered no data: ${answer}`);
          else if (secret && !answer.includes(secret))
            problems.push(`does not see ${secret} in ${answer.slice(0, 300)}`);
          break;
        case 'empty':
          if (codes.length) problems.push(`got ${got}`);
          else if (
            secret
              ? answer.includes(secret)
              : !(value === null || (Array.isArray(value) && !value.length))
          )
            problems.push(`sees what it should not: ${answer.slice(0, 300)}`);
          break;
      }
      return problems;
    }

    /**
     * One call over HTTP. A refused call is made in the shared world and must leave every table as
     * it was. No table is excluded from that fingerprint: no request writes as a side effect of
     * being authenticated (access tokens are checked without a write; login_failures and
     * refresh_tokens change only on login, refresh and logout, which refuse nobody). Should a
     * table ever change on every request, exclude it here and say why.
     */
    async function callOverHttp(
      policy: FieldPolicy,
      kase: Case,
      viewer: ViewerName,
    ): Promise<string[]> {
      const outcome = kase.viewers[viewer];
      const isWrite = policy.field.startsWith('Mutation.');
      const fresh = isWrite && kase.fresh && outcome.kind !== 'deny';
      if (fresh) freshWorlds++;
      const w = fresh ? await buildWorld(t, kase.phase) : await sharedWorld(kase.phase);
      const variables = (await kase.variables?.({ t, w, viewer, user: w.user(viewer) })) ?? {};
      const before = outcome.kind === 'deny' ? await databaseFingerprint(t) : null;
      const res = await w.client(viewer).request<Record<string, unknown>>(kase.document, variables);
      const problems = judge(policy, kase, w, viewer, outcome, res);
      if (before) {
        const changed = changedTables(before, await databaseFingerprint(t));
        if (changed.length) problems.push(`refused, yet changed ${changed.join(', ')}`);
      }
      checks++;
      return problems;
    }

    async function subscribeAsEveryone(kase: Case): Promise<Map<ViewerName, string[]>> {
      const w = await sharedWorld(kase.phase);
      const found = new Map<ViewerName, string[]>(VIEWERS.map((v) => [v, []]));
      const before = await databaseFingerprint(t);
      const byViewer = new Map<ViewerName, Probe>();
      for (const viewer of VIEWERS) {
        const variables = (await kase.variables?.({ t, w, viewer, user: w.user(viewer) })) ?? {};
        const probe = new Probe(t.baseUrl, w.user(viewer)?.token ?? null, kase.document, variables);
        open.add(probe);
        byViewer.set(viewer, probe);
      }
      const outcomeOf = (v: ViewerName) => kase.viewers[v];
      const denied = VIEWERS.filter((v) => outcomeOf(v).kind === 'deny');
      const accepted = VIEWERS.filter((v) => outcomeOf(v).kind !== 'deny');
      const secret = (v: ViewerName) => kase.secret?.(w, v);

      // Refusals answer at once, before anything is published.
      await until(() => denied.every((v) => byViewer.get(v)!.answered), 5000).catch(
        () => undefined,
      );
      const changed = changedTables(before, await databaseFingerprint(t));

      // Accepted subscribers: publish until each has what proves it (a filtered one needs two
      // events: the second shows that the secret event published between them was filtered out).
      const satisfied = (v: ViewerName) => {
        const p = byViewer.get(v)!;
        if (p.errors.length) return true;
        if (outcomeOf(v).kind === 'empty') return p.events.length >= 2;
        const s = secret(v);
        return s ? p.events.some((e) => JSON.stringify(e).includes(s)) : p.events.length >= 1;
      };
      for (let attempt = 0; attempt < 30 && !accepted.every(satisfied); attempt++) {
        await kase.trigger?.(w);
        await until(() => accepted.every(satisfied), kase.trigger ? 300 : 5000).catch(
          () => undefined,
        );
      }

      for (const viewer of VIEWERS) {
        const p = byViewer.get(viewer)!;
        const outcome = outcomeOf(viewer);
        const problems = found.get(viewer)!;
        const got = `errors ${JSON.stringify(p.errors)}, ${p.events.length} event(s) ${JSON.stringify(p.events).slice(0, 300)}`;
        const s = secret(viewer);
        if (outcome.kind === 'deny') {
          if (p.codes.length !== 1 || p.codes[0] !== outcome.code || p.events.length)
            problems.push(`got ${got}`);
          if (changed.length) problems.push(`refused, yet changed ${changed.join(', ')}`);
        } else if (p.errors.length || !p.events.length) problems.push(`got ${got}`);
        else if (
          outcome.kind === 'allow' &&
          s &&
          !p.events.some((e) => JSON.stringify(e).includes(s))
        )
          problems.push(`never received ${s}: ${got}`);
        else if (
          outcome.kind === 'empty' &&
          (p.events.length < 2 || JSON.stringify(p.events).includes(s ?? '\u0000'))
        )
          problems.push(`should receive events without ${s}: ${got}`);
        checks++;
      }
      for (const p of byViewer.values()) open.delete(p);
      await Promise.all([...byViewer.values()].map((p) => p.close()));
      return found;
    }

    const rows = POLICY.map((p) => [p.field, p] as const);

    it.each(rows)('%s', async (_field, policy) => {
      const problems: string[] = [];
      for (const kase of policy.cases) {
        const report = (viewer: ViewerName, list: string[]) => {
          for (const problem of list)
            problems.push(
              `${kase.phase} · ${viewer} (${VIEWER_LABELS[viewer]}) expected ${describeOutcome(kase.viewers[viewer])}: ${problem}`,
            );
        };
        if (policy.field.startsWith('Subscription.')) {
          for (const [viewer, list] of await subscribeAsEveryone(kase)) report(viewer, list);
        } else {
          for (const viewer of VIEWERS) report(viewer, await callOverHttp(policy, kase, viewer));
        }
      }
      expect(problems).toEqual([]);
    });
  });
});

/** One graphql-ws subscription, recording what the server answers. */
class Probe {
  readonly events: unknown[] = [];
  readonly errors: unknown[] = [];
  private readonly client: Client;

  constructor(
    baseUrl: string,
    token: string | null,
    query: string,
    variables: Record<string, unknown>,
  ) {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
    this.client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          else if (result.data) this.events.push(result.data);
        },
        error: (err) =>
          this.errors.push(...(Array.isArray(err) ? err : [{ message: String(err) }])),
        complete: () => undefined,
      },
    );
  }

  /** The error codes received (the message when an error has no code). */
  get codes(): string[] {
    return this.errors.map((e) => {
      const error = e as { extensions?: { code?: string }; message?: string };
      return error.extensions?.code ?? error.message ?? JSON.stringify(e);
    });
  }

  get answered(): boolean {
    return this.errors.length > 0 || this.events.length > 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
