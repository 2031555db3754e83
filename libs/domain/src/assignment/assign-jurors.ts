// Tops up every judged submission to k jurors with no conflict of interest and balanced loads.

import type {
  AssignmentInput,
  AssignmentJuror,
  AssignmentResult,
  AssignmentSubmission,
  NewAssignment,
} from './assignment.types';

/**
 * What is guaranteed when the result is ok:
 * 1. Coverage: every submission ends with at least k distinct non-recused
 *    jurors, counting the existing assignments whose juror is in `jurors`
 *    (ACTIVE) and not from the submission's school. Existing assignments are
 *    never moved or returned; only new ones are.
 * 2. Conflicts: no new assignment puts a juror on a submission of their own
 *    school, or back on a submission they recused themselves from, or twice on
 *    the same submission.
 * 3. Balance: among all ways of adding the missing assignments, the loads
 *    (existing + new, per juror) minimise the sum of squares. Equivalently, no
 *    new assignment can be handed — directly or along a chain of hand-overs —
 *    from a juror to another with at least 2 fewer assignments. Consequences:
 *    whenever some valid completion has all loads within one of each other, this
 *    one does too; otherwise (conflicts, or existing assignments already
 *    unbalanced) the largest load is as small as it can be and the smallest as
 *    large as it can be, new work going to the least loaded eligible jurors.
 * 4. Determinism: which assignments are made depends only on the sets given
 *    and the seed, not on their order (the list follows the caller's order of
 *    submissions, then juror ids).
 * 5. Overlap (best effort): ties are broken so that jurors share submissions
 *    with jurors of other groups, keeping the "co-evaluation" graph connected
 *    (which z-score standardisation benefits from) when the numbers allow,
 *    without giving up any of the guarantees above.
 *
 * Infeasible (k not a whole number ≥ 1, a duplicated submission id, or a
 * submission with fewer than k eligible jurors): ok:false with a reason naming
 * the first failing submission in input order; nothing is assigned.
 */
export function assignJurors(input: AssignmentInput): AssignmentResult {
  const { k } = input;
  if (!Number.isInteger(k) || k < 1) {
    return { ok: false, reason: `k must be a whole number of at least 1, got ${k}.` };
  }
  const problem = buildProblem(input);
  if ('reason' in problem) return { ok: false, reason: problem.reason };

  const state = greedyAssign(problem);
  balanceLoads(problem, state);
  connectGroups(problem, state);

  const assignments: NewAssignment[] = [];
  for (const s of problem.inputOrder) {
    const jurorIds = [...state.newBy[s]].map((j) => problem.jurors[j].id).sort(compareIds);
    for (const jurorId of jurorIds)
      assignments.push({ submissionId: problem.submissions[s].id, jurorId });
  }
  return { ok: true, assignments };
}

/** Jurors and submissions as indices, with what each submission can still receive. */
interface Problem {
  jurors: AssignmentJuror[];
  submissions: AssignmentSubmission[];
  /** Submission indices in the caller's order (for the output). */
  inputOrder: number[];
  baseLoad: number[];
  /** Jurors already validly on each submission (they count towards k). */
  kept: number[][];
  /** Jurors that may be newly put on each submission. */
  available: number[][];
  missing: number[];
  /** Position of each juror in the seeded rotation used to break ties. */
  rotation: number[];
}

interface State {
  load: number[];
  newBy: Set<number>[];
  newOf: Set<number>[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildProblem(input: AssignmentInput): Problem | { reason: string } {
  const { k } = input;
  // Sorting first makes the result independent of the order rows came from the database.
  const jurors = [...new Map(input.jurors.map((j) => [j.id, j] as const)).values()].sort((a, b) =>
    compareIds(a.id, b.id),
  );
  const jurorIndex = new Map(jurors.map((j, i) => [j.id, i] as const));

  const seen = new Set<string>();
  for (const s of input.submissions) {
    if (seen.has(s.id)) return { reason: `Submission ${s.id} is listed twice.` };
    seen.add(s.id);
  }
  const submissions = [...input.submissions].sort((a, b) => compareIds(a.id, b.id));
  const submissionIndex = new Map(submissions.map((s, i) => [s.id, i] as const));
  const inputOrder = input.submissions.map((s) => submissionIndex.get(s.id) ?? -1);

  const assigned = submissions.map(() => new Set<number>());
  const recused = submissions.map(() => new Set<number>());
  const countedLoad = jurors.map(() => 0);
  const countedPairs = new Set<string>();
  for (const row of input.existing) {
    const j = jurorIndex.get(row.jurorId);
    if (j === undefined) continue; // not ACTIVE any more: neither counts nor blocks
    const s = submissionIndex.get(row.submissionId);
    if (row.status === 'RECUSED') {
      if (s !== undefined) recused[s].add(j);
      continue;
    }
    const pair = `${row.submissionId}\u0000${row.jurorId}`;
    if (!countedPairs.has(pair)) {
      countedPairs.add(pair);
      countedLoad[j] += 1;
    }
    if (s !== undefined) assigned[s].add(j);
  }

  const kept: number[][] = [];
  const available: number[][] = [];
  const missing: number[] = [];
  const failures = new Map<number, string>();
  submissions.forEach((submission, s) => {
    const conflicted = (j: number) => jurors[j].schoolId === submission.schoolId;
    // An existing assignment to a juror of the same school does not count:
    // the caller should remove it (a juror's school can change after assignment).
    const keptHere = [...assigned[s]].filter((j) => !conflicted(j)).sort((a, b) => a - b);
    const availableHere = jurors
      .map((_, j) => j)
      .filter((j) => !conflicted(j) && !assigned[s].has(j) && !recused[s].has(j));
    kept.push(keptHere);
    available.push(availableHere);
    missing.push(Math.max(0, k - keptHere.length));
    const eligible = keptHere.length + availableHere.length;
    if (eligible < k) {
      const sameSchool = jurors.filter((_, j) => conflicted(j)).length;
      const recusedHere = [...recused[s]].filter(
        (j) => !conflicted(j) && !assigned[s].has(j),
      ).length;
      failures.set(
        s,
        `Submission ${submission.id} needs ${k} jurors but only ${eligible} are eligible ` +
          `(${jurors.length} active jurors, ${sameSchool} from its school, ${recusedHere} recused).`,
      );
    }
  });
  for (const s of inputOrder) {
    const failure = failures.get(s);
    if (failure !== undefined) return { reason: failure };
  }

  const rotation = seededPermutation(jurors.length, input.seed ?? 0);
  const baseLoad = jurors.map((j, i) => j.load ?? countedLoad[i]);
  return { jurors, submissions, inputOrder, baseLoad, kept, available, missing, rotation };
}

/** A permutation of 0..n−1 from a small seeded generator (mulberry32 + Fisher–Yates). */
function seededPermutation(n: number, seed: number): number[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const position = new Array<number>(n);
  order.forEach((j, p) => (position[j] = p));
  return position;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) [x, this.parent[x]] = [this.parent[x], root];
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/**
 * First pass: scarce submissions first (fewest spare eligible jurors), each
 * missing slot to the least loaded available juror. Among equally loaded
 * jurors, prefer one not yet sharing a submission with the others on this one
 * (it links two groups), then the next one in the rotation after the last pick
 * (round robin spreads pairs of jurors over many submissions).
 */
function greedyAssign(problem: Problem): State {
  const { jurors, submissions, kept, available, missing, rotation, baseLoad } = problem;
  const m = jurors.length;
  const load = [...baseLoad];
  const newBy = submissions.map(() => new Set<number>());
  const newOf = jurors.map(() => new Set<number>());
  const groups = new UnionFind(m);
  kept.forEach((list) => list.forEach((j) => groups.union(j, list[0])));

  const order = submissions
    .map((_, s) => s)
    .filter((s) => missing[s] > 0)
    .sort((a, b) => available[a].length - missing[a] - (available[b].length - missing[b]) || a - b);

  let cursor = 0;
  for (const s of order) {
    const onIt = [...kept[s]];
    for (let slot = 0; slot < missing[s]; slot++) {
      const linked = new Set(onIt.map((j) => groups.find(j)));
      let best = -1;
      let bestKey: readonly number[] = [];
      for (const j of available[s]) {
        if (newBy[s].has(j)) continue;
        const key = [load[j], linked.has(groups.find(j)) ? 1 : 0, (rotation[j] - cursor + m) % m];
        if (best === -1 || isLess(key, bestKey)) {
          best = j;
          bestKey = key;
        }
      }
      newBy[s].add(best);
      newOf[best].add(s);
      load[best] += 1;
      if (onIt.length > 0) groups.union(best, onIt[0]);
      onIt.push(best);
      cursor = (rotation[best] + 1) % m;
    }
  }
  return { load, newBy, newOf };
}

/** Lexicographic comparison of two keys of the same length. */
function isLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Second pass, the balance guarantee: while some juror can hand a new
 * assignment (possibly along a chain a → s1 → c1 → s2 → … → b) to a juror with
 * at least 2 fewer assignments, do it. Each hand-over lowers the sum of squared
 * loads, so this ends, and at the end no such chain exists — the optimality
 * condition of that sum (the feasible load vectors form an M-convex set, where
 * local and global optima coincide).
 */
function balanceLoads(problem: Problem, state: State): void {
  const { load } = state;
  if (load.length === 0) return;
  for (;;) {
    let improved = false;
    const max = Math.max(...load);
    const min = Math.min(...load);
    for (let threshold = max; threshold >= min + 2 && !improved; threshold--) {
      improved = handOver(problem, state, threshold);
    }
    if (!improved) return;
  }
}

/** One breadth-first search from the jurors with load ≥ threshold to the least loaded juror reachable below threshold − 1. */
function handOver(problem: Problem, state: State, threshold: number): boolean {
  const { available, submissions, jurors } = problem;
  const { load, newBy, newOf } = state;
  const viaSubmission = new Array<number>(jurors.length).fill(-1);
  const fromJuror = new Array<number>(submissions.length).fill(-1);
  const reached = new Array<boolean>(jurors.length).fill(false);
  const queue: number[] = [];
  for (let j = 0; j < jurors.length; j++) {
    if (load[j] >= threshold && newOf[j].size > 0) {
      reached[j] = true;
      queue.push(j);
    }
  }
  let target = -1;
  for (let head = 0; head < queue.length; head++) {
    const a = queue[head];
    for (const s of newOf[a]) {
      if (fromJuror[s] !== -1) continue;
      fromJuror[s] = a;
      for (const c of available[s]) {
        if (reached[c] || newBy[s].has(c)) continue;
        reached[c] = true;
        viaSubmission[c] = s;
        queue.push(c);
        if (load[c] <= threshold - 2 && (target === -1 || load[c] < load[target])) target = c;
      }
    }
  }
  if (target === -1) return false;

  load[target] += 1;
  let c = target;
  while (viaSubmission[c] !== -1) {
    const s = viaSubmission[c];
    const a = fromJuror[s];
    newBy[s].delete(a);
    newOf[a].delete(s);
    newBy[s].add(c);
    newOf[c].add(s);
    c = a;
  }
  load[c] -= 1;
  return true;
}

/**
 * Third pass, overlap: while the jurors form separate groups that never share
 * a submission, try swapping two new assignments between groups (a on s1, b on
 * s2 → b on s1, a on s2). A swap keeps every load, so guarantees 1–3 hold; it
 * is kept only if it reduces the number of groups. Only swaps where a or b
 * stays in their old group through another submission can bridge two groups;
 * the others are not tried. Bounded work: this is a best effort on top of the
 * round robin, which already connects most inputs.
 */
function connectGroups(problem: Problem, state: State): void {
  const { submissions, available, kept } = problem;
  const { newBy, newOf } = state;
  const keptCount = new Array<number>(problem.jurors.length).fill(0);
  kept.forEach((list) => list.forEach((j) => (keptCount[j] += 1)));
  const hasOtherSubmission = (j: number) => keptCount[j] + newOf[j].size >= 2;

  let groups = countGroups(problem, state);
  let attempts = 2_000;
  while (groups.count > 1 && groups.links >= groups.busy - 1 && attempts > 0) {
    let merged = false;
    search: for (let s1 = 0; s1 < submissions.length; s1++) {
      const group1 = groups.groupOfSubmission[s1];
      if (group1 === -1) continue;
      for (let s2 = s1 + 1; s2 < submissions.length; s2++) {
        if (groups.groupOfSubmission[s2] === -1 || groups.groupOfSubmission[s2] === group1)
          continue;
        for (const a of newBy[s1]) {
          if (newBy[s2].has(a) || !available[s2].includes(a)) continue;
          for (const b of newBy[s2]) {
            if (newBy[s1].has(b) || !available[s1].includes(b)) continue;
            if (!hasOtherSubmission(a) && !hasOtherSubmission(b)) continue;
            if (--attempts < 0) break search;
            swap(state, s1, a, s2, b);
            const after = countGroups(problem, state);
            if (after.count < groups.count) {
              groups = after;
              merged = true;
              break search;
            }
            swap(state, s1, b, s2, a);
          }
        }
      }
    }
    if (!merged) return;
  }
}

function swap(state: State, s1: number, a: number, s2: number, b: number): void {
  const { newBy, newOf } = state;
  newBy[s1].delete(a);
  newOf[a].delete(s1);
  newBy[s2].delete(b);
  newOf[b].delete(s2);
  newBy[s1].add(b);
  newOf[b].add(s1);
  newBy[s2].add(a);
  newOf[a].add(s2);
}

/**
 * Groups of jurors linked by shared submissions (only jurors with at least one
 * submission count), and whether enough links exist to ever join them all.
 */
function countGroups(
  problem: Problem,
  state: State,
): { count: number; busy: number; links: number; groupOfSubmission: number[] } {
  const { jurors, kept, submissions } = problem;
  const groups = new UnionFind(jurors.length);
  const busy = new Array<boolean>(jurors.length).fill(false);
  let links = 0;
  const firstOf = submissions.map((_, s) => {
    const all = [...kept[s], ...state.newBy[s]];
    links += Math.max(0, all.length - 1);
    all.forEach((j) => {
      busy[j] = true;
      groups.union(j, all[0]);
    });
    return all.length > 0 ? all[0] : -1;
  });
  const roots = new Set<number>();
  busy.forEach((isBusy, j) => isBusy && roots.add(groups.find(j)));
  return {
    count: roots.size,
    busy: busy.filter(Boolean).length,
    links,
    groupOfSubmission: firstOf.map((j) => (j === -1 ? -1 : groups.find(j))),
  };
}
