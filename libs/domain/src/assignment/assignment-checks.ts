// Independent checks of the assignment guarantees, recomputed from the raw input; used by the specs (no test framework needed).

import type { AssignmentInput, AssignmentResult, NewAssignment } from './assignment.types';

export interface Checked {
  /** Loads per juror id after the new assignments (existing non-recused + new). */
  loads: Map<string, number>;
  /** Jurors eligible for each submission: ACTIVE, not from its school, not recused on it. */
  eligible: Map<string, Set<string>>;
}

const pairKey = (submissionId: string, jurorId: string) => `${submissionId}\u0000${jurorId}`;

/** Recomputes everything from the raw input, without the algorithm's code. */
export function analyse(input: AssignmentInput): {
  eligible: Map<string, Set<string>>;
  kept: Map<string, Set<string>>;
  recused: Set<string>;
  assigned: Set<string>;
  baseLoads: Map<string, number>;
} {
  const active = new Map(input.jurors.map((j) => [j.id, j] as const));
  const recused = new Set(
    input.existing
      .filter((e) => e.status === 'RECUSED')
      .map((e) => pairKey(e.submissionId, e.jurorId)),
  );
  const assigned = new Set(
    input.existing
      .filter((e) => e.status !== 'RECUSED')
      .map((e) => pairKey(e.submissionId, e.jurorId)),
  );
  const baseLoads = new Map<string, number>();
  for (const juror of active.values()) {
    const counted = [...assigned].filter((key) => key.endsWith(`\u0000${juror.id}`)).length;
    baseLoads.set(juror.id, juror.load ?? counted);
  }
  const eligible = new Map<string, Set<string>>();
  const kept = new Map<string, Set<string>>();
  for (const s of input.submissions) {
    const ids = [...active.values()]
      .filter(
        (j) =>
          j.schoolId !== s.schoolId &&
          !(recused.has(pairKey(s.id, j.id)) && !assigned.has(pairKey(s.id, j.id))),
      )
      .map((j) => j.id);
    eligible.set(s.id, new Set(ids));
    kept.set(s.id, new Set(ids.filter((id) => assigned.has(pairKey(s.id, id)))));
  }
  return { eligible, kept, recused, assigned, baseLoads };
}

export function isFeasible(input: AssignmentInput): boolean {
  if (!Number.isInteger(input.k) || input.k < 1) return false;
  if (new Set(input.submissions.map((s) => s.id)).size !== input.submissions.length) return false;
  const { eligible } = analyse(input);
  return input.submissions.every((s) => (eligible.get(s.id)?.size ?? 0) >= input.k);
}

/**
 * Throws with a precise message unless `result` meets guarantees 1–3 of
 * assignJurors (the balance part in its one-step form: no new assignment
 * could move straight to an available juror with 2 fewer assignments).
 */
export function expectValid(input: AssignmentInput, result: AssignmentResult): Checked {
  const { eligible, kept, recused, assigned, baseLoads } = analyse(input);
  if (!result.ok) throw new Error(`Expected a feasible assignment, got: ${result.reason}`);
  const fail = (message: string): never => {
    throw new Error(message);
  };

  const seen = new Set<string>();
  const added = new Map<string, NewAssignment[]>();
  for (const a of result.assignments) {
    const key = pairKey(a.submissionId, a.jurorId);
    if (seen.has(key)) fail(`Juror ${a.jurorId} assigned twice to ${a.submissionId}`);
    seen.add(key);
    if (assigned.has(key)) fail(`Juror ${a.jurorId} was already on ${a.submissionId}`);
    if (recused.has(key)) fail(`Recused juror ${a.jurorId} put back on ${a.submissionId}`);
    if (!eligible.get(a.submissionId)?.has(a.jurorId))
      fail(`Juror ${a.jurorId} is not eligible for ${a.submissionId}`);
    added.set(a.submissionId, [...(added.get(a.submissionId) ?? []), a]);
  }
  for (const s of input.submissions) {
    const keptCount = kept.get(s.id)?.size ?? 0;
    const newCount = added.get(s.id)?.length ?? 0;
    if (newCount !== Math.max(0, input.k - keptCount)) {
      fail(`Submission ${s.id} has ${keptCount} kept + ${newCount} new jurors, k = ${input.k}`);
    }
  }
  if (added.size > 0 && [...added.keys()].some((id) => !eligible.has(id)))
    fail('Assignment to an unknown submission');

  const loads = new Map(baseLoads);
  for (const a of result.assignments) loads.set(a.jurorId, (loads.get(a.jurorId) ?? 0) + 1);
  for (const a of result.assignments) {
    for (const other of eligible.get(a.submissionId) ?? []) {
      const key = pairKey(a.submissionId, other);
      if (seen.has(key) || assigned.has(key)) continue;
      if ((loads.get(a.jurorId) ?? 0) >= (loads.get(other) ?? 0) + 2) {
        fail(
          `${a.submissionId} could move from ${a.jurorId} (load ${loads.get(a.jurorId)}) to ${other} (load ${loads.get(other)})`,
        );
      }
    }
  }
  return { loads, eligible };
}

/** Groups of jurors that share submissions, counting only jurors with at least one submission of the input. */
export function coEvaluationGroups(
  input: AssignmentInput,
  assignments: readonly NewAssignment[],
): number {
  const { kept } = analyse(input);
  const bySubmission = new Map<string, string[]>();
  for (const [s, ids] of kept) bySubmission.set(s, [...ids]);
  for (const a of assignments)
    bySubmission.set(a.submissionId, [...(bySubmission.get(a.submissionId) ?? []), a.jurorId]);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const ids of bySubmission.values()) {
    for (const id of ids) {
      if (!parent.has(id)) parent.set(id, id);
      parent.set(find(id), find(ids[0]));
    }
  }
  return new Set([...parent.keys()].map(find)).size;
}
