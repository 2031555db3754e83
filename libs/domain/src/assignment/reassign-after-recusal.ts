// Picks who takes over a submission after a juror declares a conflict of interest.

import type { AssignmentJuror, AssignmentSubmission, ExistingAssignment } from './assignment.types';

export interface RecusalInput<J extends AssignmentJuror> {
  /** The submission that lost a juror, with its team's school. */
  submission: AssignmentSubmission;
  /**
   * The hackathon's assignments, the recusal already recorded as RECUSED.
   * Used to exclude jurors already on (or recused from) the submission, and to
   * count loads of jurors whose `load` is not given.
   */
  assignments: readonly ExistingAssignment[];
  /** ACTIVE jurors. */
  jurors: readonly J[];
}

/**
 * The eligible juror with the fewest non-recused assignments (ties: smallest
 * id, so every server picks the same one), or null when nobody is eligible.
 * Eligible: not from the submission's school, and with no assignment at all on
 * it — neither current nor recused (a recused juror never comes back).
 */
export function reassignAfterRecusal<J extends AssignmentJuror>(input: RecusalInput<J>): J | null {
  const { submission, assignments, jurors } = input;
  const onSubmission = new Set<string>();
  const counted = new Map<string, number>();
  const seenPairs = new Set<string>();
  for (const row of assignments) {
    if (row.submissionId === submission.id) onSubmission.add(row.jurorId);
    const pair = `${row.submissionId}\u0000${row.jurorId}`;
    if (row.status === 'RECUSED' || seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    counted.set(row.jurorId, (counted.get(row.jurorId) ?? 0) + 1);
  }

  let best: J | null = null;
  let bestLoad = Infinity;
  for (const juror of jurors) {
    if (juror.schoolId === submission.schoolId || onSubmission.has(juror.id)) continue;
    const load = juror.load ?? counted.get(juror.id) ?? 0;
    if (load < bestLoad || (load === bestLoad && best !== null && juror.id < best.id)) {
      best = juror;
      bestLoad = load;
    }
  }
  return best;
}
