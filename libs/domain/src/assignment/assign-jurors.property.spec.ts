import fc from 'fast-check';
import { assignJurors } from './assign-jurors';
import { analyse, coEvaluationGroups, expectValid, isFeasible } from './assignment-checks';
import type { AssignmentInput, AssignmentStatus } from './assignment.types';

/**
 * Random instances: schools shared by submissions and teacher-jurors, outside
 * jurors with no school, random existing assignments (some RECUSED, some to
 * jurors no longer active), optional given loads. Small k against few jurors
 * makes many instances infeasible, so both outcomes are exercised.
 */
function instanceArb(maxSubmissions: number, maxJurors: number): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      schools: fc.integer({ min: 1, max: 10 }),
      submissions: fc.integer({ min: 0, max: maxSubmissions }),
      jurors: fc.integer({ min: 1, max: maxJurors }),
      k: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
    })
    .chain(({ schools, submissions, jurors, k, seed }) => {
      const schoolArb = fc.integer({ min: 0, max: schools - 1 }).map((i) => `school${i}`);
      const statusArb = fc.constantFrom<AssignmentStatus>('PENDING', 'DONE', 'RECUSED');
      return fc.record({
        submissions: fc
          .array(schoolArb, { minLength: submissions, maxLength: submissions })
          .map((ss) => ss.map((schoolId, i) => ({ id: `sub${i}`, schoolId }))),
        jurors: fc
          .array(
            fc.record({
              school: fc.option(schoolArb, { freq: 2 }),
              load: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 1, nil: undefined }),
            }),
            {
              minLength: jurors,
              maxLength: jurors,
            },
          )
          .map((js) =>
            js.map(({ school, load }, i) => ({
              id: `jur${i}`,
              schoolId: school,
              ...(load === undefined ? {} : { load }),
            })),
          ),
        existing: fc.array(
          fc.record({
            submissionId: fc
              .integer({ min: 0, max: Math.max(0, submissions - 1) })
              .map((i) => `sub${i}`),
            // jurors + 2: some rows belong to jurors who are no longer active.
            jurorId: fc.integer({ min: 0, max: jurors + 1 }).map((i) => `jur${i}`),
            status: statusArb,
          }),
          { maxLength: Math.min(40, submissions * 2) },
        ),
        k: fc.constant(k),
        seed: fc.constant(seed),
      });
    });
}

describe('assignJurors (properties)', () => {
  it('meets every guarantee on feasible instances and refuses the others, naming the first culprit', () => {
    let feasible = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(instanceArb(40, 12), (input) => {
        const result = assignJurors(input);
        if (isFeasible(input)) {
          feasible++;
          expectValid(input, result);
        } else {
          infeasible++;
          expect(result.ok).toBe(false);
          const { eligible } = analyse(input);
          const first = input.submissions.find((s) => (eligible.get(s.id)?.size ?? 0) < input.k);
          if (!result.ok && first) expect(result.reason).toContain(`Submission ${first.id} `);
        }
      }),
      { numRuns: 400 },
    );
    expect(feasible).toBeGreaterThan(50);
    expect(infeasible).toBeGreaterThan(20);
  });

  it('meets every guarantee on large instances (up to 500 submissions × 60 jurors)', () => {
    fc.assert(
      fc.property(instanceArb(500, 60), (input) => {
        const result = assignJurors(input);
        if (isFeasible(input)) expectValid(input, result);
        else expect(result.ok).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('reaches the best possible balance (checked by brute force on small instances)', () => {
    fc.assert(
      fc.property(instanceArb(4, 5), (input) => {
        fc.pre(isFeasible(input));
        const result = assignJurors(input);
        const { loads } = expectValid(input, result);
        const best = bestBalance(input);
        const ours = [...loads.values()];
        expect(sumOfSquares(ours)).toBe(best.sumOfSquares);
        expect(Math.max(...ours)).toBe(best.max);
        expect(Math.min(...ours)).toBe(best.min);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores the order of its input', () => {
    fc.assert(
      fc.property(instanceArb(30, 10), (input) => {
        const reordered = {
          ...input,
          submissions: [...input.submissions].reverse(),
          jurors: [...input.jurors].reverse(),
          existing: [...input.existing].reverse(),
        };
        const key = (r: ReturnType<typeof assignJurors>) =>
          r.ok ? r.assignments.map((a) => `${a.submissionId}/${a.jurorId}`).sort() : r.reason;
        const first = assignJurors(input);
        expect(assignJurors(input)).toEqual(first);
        if (first.ok) expect(key(assignJurors(reordered))).toEqual(key(first));
      }),
      { numRuns: 200 },
    );
  });

  it('connects all jurors through shared submissions when the numbers allow', () => {
    // No conflicts and no history: connectivity is possible exactly when each juror gets
    // work (n·k ≥ m) and there are enough links for a spanning tree (n·(k−1) ≥ m−1).
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 120 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer(),
        (n, m, k, seed) => {
          fc.pre(k <= m && n * k >= m && n * (k - 1) >= m - 1);
          const input: AssignmentInput = {
            submissions: Array.from({ length: n }, (_, i) => ({
              id: `sub${i}`,
              schoolId: `school${i % 7}`,
            })),
            jurors: Array.from({ length: m }, (_, i) => ({ id: `jur${i}`, schoolId: null })),
            existing: [],
            k,
            seed,
          };
          const result = assignJurors(input);
          const { loads } = expectValid(input, result);
          expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
          expect(result.ok && coEvaluationGroups(input, result.assignments)).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps jurors connected with teachers of the schools on the jury', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 4, max: 15 }),
        fc.integer(),
        (n, m, schools, seed) => {
          const input: AssignmentInput = {
            submissions: Array.from({ length: n }, (_, i) => ({
              id: `sub${i}`,
              schoolId: `school${(i * 5) % schools}`,
            })),
            // A third of the jurors are teachers of the participating schools.
            jurors: Array.from({ length: m }, (_, i) => ({
              id: `jur${i}`,
              schoolId: i % 3 === 0 ? `school${i % schools}` : null,
            })),
            existing: [],
            k: 3,
            seed,
          };
          const result = assignJurors(input);
          expectValid(input, result);
          expect(result.ok && coEvaluationGroups(input, result.assignments)).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

function sumOfSquares(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + v * v, 0);
}

/** Every way of completing the instance, keeping the best sum of squares and the best max and min. */
function bestBalance(input: AssignmentInput): { sumOfSquares: number; max: number; min: number } {
  const { eligible, kept, baseLoads } = analyse(input);
  const jurorIds = [...baseLoads.keys()];
  const choices = input.submissions.map((s) => {
    const keptHere = kept.get(s.id) ?? new Set<string>();
    const pool = [...(eligible.get(s.id) ?? [])].filter((j) => !keptHere.has(j));
    return subsets(pool, Math.max(0, input.k - keptHere.size));
  });
  const best = { sumOfSquares: Infinity, max: Infinity, min: -Infinity };
  const loads = new Map(baseLoads);
  const walk = (i: number): void => {
    if (i === choices.length) {
      const values = jurorIds.map((j) => loads.get(j) ?? 0);
      best.sumOfSquares = Math.min(best.sumOfSquares, sumOfSquares(values));
      best.max = Math.min(best.max, Math.max(...values));
      best.min = Math.max(best.min, Math.min(...values));
      return;
    }
    for (const subset of choices[i]) {
      subset.forEach((j) => loads.set(j, (loads.get(j) ?? 0) + 1));
      walk(i + 1);
      subset.forEach((j) => loads.set(j, (loads.get(j) ?? 0) - 1));
    }
  };
  walk(0);
  return best;
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}
