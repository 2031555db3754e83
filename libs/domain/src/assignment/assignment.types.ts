// Shapes shared by the jury assignment functions.

export type AssignmentStatus = 'PENDING' | 'DONE' | 'RECUSED';

/** A judged submission and the school of its team (conflict of interest). */
export interface AssignmentSubmission {
  id: string;
  schoolId: string;
}

/** An ACTIVE juror. A teacher sitting on the jury has a school; an outside juror has none. */
export interface AssignmentJuror {
  id: string;
  schoolId: string | null;
  /**
   * Non-recused assignments this juror already has in the hackathon. When
   * absent it is counted from `existing`; give it when the juror holds
   * assignments `existing` does not list (e.g. on submissions no longer judged).
   */
  load?: number;
}

export interface ExistingAssignment {
  submissionId: string;
  jurorId: string;
  status: AssignmentStatus;
}

export interface AssignmentInput {
  submissions: readonly AssignmentSubmission[];
  jurors: readonly AssignmentJuror[];
  existing: readonly ExistingAssignment[];
  /** Jurors each submission must end up with. */
  k: number;
  /** Changes which of several equally good assignments is chosen; same input + seed → same output. */
  seed?: number;
}

export interface NewAssignment {
  submissionId: string;
  jurorId: string;
}

export type AssignmentResult =
  { ok: true; assignments: NewAssignment[] } | { ok: false; reason: string };
