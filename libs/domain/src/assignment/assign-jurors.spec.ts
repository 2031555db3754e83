import { assignJurors } from './assign-jurors';
import { coEvaluationGroups, expectValid } from './assignment-checks';
import type {
  AssignmentInput,
  AssignmentJuror,
  AssignmentSubmission,
  ExistingAssignment,
} from './assignment.types';

const submissionsOf = (...schools: string[]): AssignmentSubmission[] =>
  schools.map((schoolId, i) => ({ id: `s${i + 1}`, schoolId }));
const outsideJurors = (n: number): AssignmentJuror[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `j${String(i + 1).padStart(2, '0')}`,
    schoolId: null,
  }));

function loadsOf(input: AssignmentInput): number[] {
  const result = assignJurors(input);
  return [...expectValid(input, result).loads.values()];
}

describe('assignJurors', () => {
  it('gives every submission k distinct jurors and balances loads exactly', () => {
    const input = {
      submissions: submissionsOf('A', 'B', 'C', 'D', 'E'),
      jurors: outsideJurors(4),
      existing: [],
      k: 2,
    };
    const result = assignJurors(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assignments).toHaveLength(10);
    const loads = loadsOf(input);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('never assigns a juror to a submission of their own school', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A', 'A', 'B'),
      jurors: [
        { id: 'teacherA', schoolId: 'A' },
        { id: 'teacherB', schoolId: 'B' },
        { id: 'outside', schoolId: null },
      ],
      existing: [],
      k: 2,
    };
    const result = assignJurors(input);
    expectValid(input, result);
    expect(result).toEqual({
      ok: true,
      assignments: [
        { submissionId: 's1', jurorId: 'outside' },
        { submissionId: 's1', jurorId: 'teacherB' },
        { submissionId: 's2', jurorId: 'outside' },
        { submissionId: 's2', jurorId: 'teacherB' },
        { submissionId: 's3', jurorId: 'outside' },
        { submissionId: 's3', jurorId: 'teacherA' },
      ],
    });
  });

  it('keeps existing assignments, tops up only what is missing, and adds nothing on a second run', () => {
    const base = { submissions: submissionsOf('A', 'B', 'C'), jurors: outsideJurors(5), k: 3 };
    const existing: ExistingAssignment[] = [
      { submissionId: 's1', jurorId: 'j01', status: 'DONE' },
      { submissionId: 's1', jurorId: 'j02', status: 'PENDING' },
    ];
    const first = assignJurors({ ...base, existing });
    expectValid({ ...base, existing }, first);
    if (!first.ok) throw new Error(first.reason);
    expect(first.assignments.filter((a) => a.submissionId === 's1')).toHaveLength(1);

    const after = [
      ...existing,
      ...first.assignments.map((a) => ({ ...a, status: 'PENDING' as const })),
    ];
    expect(assignJurors({ ...base, existing: after })).toEqual({ ok: true, assignments: [] });
  });

  it('does not count a RECUSED assignment and never puts that juror back', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A'),
      jurors: outsideJurors(3),
      existing: [
        { submissionId: 's1', jurorId: 'j01', status: 'RECUSED' },
        { submissionId: 's1', jurorId: 'j02', status: 'DONE' },
      ],
      k: 2,
    };
    expect(assignJurors(input)).toEqual({
      ok: true,
      assignments: [{ submissionId: 's1', jurorId: 'j03' }],
    });
  });

  it('sends new work to the least loaded jurors when existing loads are unbalanced', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A', 'B', 'C', 'D'),
      jurors: [{ id: 'busy', schoolId: null, load: 6 }, ...outsideJurors(3)],
      existing: [],
      k: 1,
    };
    const result = assignJurors(input);
    const { loads } = expectValid(input, result);
    expect(loads.get('busy')).toBe(6);
    expect([loads.get('j01'), loads.get('j02'), loads.get('j03')].sort()).toEqual([1, 1, 2]);
  });

  it('counts loads from existing assignments, including on submissions no longer judged', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A', 'B'),
      jurors: outsideJurors(2),
      existing: [
        { submissionId: 'withdrawn-1', jurorId: 'j01', status: 'DONE' },
        { submissionId: 'withdrawn-2', jurorId: 'j01', status: 'PENDING' },
        { submissionId: 'withdrawn-3', jurorId: 'j01', status: 'RECUSED' },
      ],
      k: 1,
    };
    expect(assignJurors(input)).toEqual({
      ok: true,
      assignments: [
        { submissionId: 's1', jurorId: 'j02' },
        { submissionId: 's2', jurorId: 'j02' },
      ],
    });
  });

  it('ignores existing assignments of jurors who are no longer active', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A'),
      jurors: outsideJurors(2),
      existing: [{ submissionId: 's1', jurorId: 'suspended', status: 'PENDING' }],
      k: 2,
    };
    const result = assignJurors(input);
    expectValid(input, result);
    expect(result.ok && result.assignments).toHaveLength(2);
  });

  it('balances as well as conflicts allow (the teacher of the only other school takes less)', () => {
    // Five submissions from A and one from B; the teacher of B can only judge the A ones,
    // the teacher of A only the B one. k = 2 with 3 jurors: the outside juror must judge all 6.
    const input: AssignmentInput = {
      submissions: submissionsOf('A', 'A', 'A', 'A', 'A', 'B'),
      jurors: [
        { id: 'teacherA', schoolId: 'A' },
        { id: 'teacherB', schoolId: 'B' },
        { id: 'outside', schoolId: null },
      ],
      existing: [],
      k: 2,
    };
    const { loads } = expectValid(input, assignJurors(input));
    expect(Object.fromEntries(loads)).toEqual({ outside: 6, teacherA: 1, teacherB: 5 });
  });

  describe('refuses infeasible requests, assigning nothing', () => {
    it('names the first submission without enough eligible jurors, with the counts', () => {
      const input: AssignmentInput = {
        submissions: [
          { id: 'ok', schoolId: 'B' },
          { id: 'short', schoolId: 'A' },
          { id: 'also-short', schoolId: 'A' },
        ],
        jurors: [
          { id: 'teacherA1', schoolId: 'A' },
          { id: 'teacherA2', schoolId: 'A' },
          { id: 'outside1', schoolId: null },
          { id: 'outside2', schoolId: null },
        ],
        existing: [{ submissionId: 'short', jurorId: 'outside1', status: 'RECUSED' }],
        k: 2,
      };
      expect(assignJurors(input)).toEqual({
        ok: false,
        reason:
          'Submission short needs 2 jurors but only 1 are eligible (4 active jurors, 2 from its school, 1 recused).',
      });
    });

    it('refuses k below 1 or not whole', () => {
      const base = { submissions: submissionsOf('A'), jurors: outsideJurors(3), existing: [] };
      expect(assignJurors({ ...base, k: 0 })).toEqual({
        ok: false,
        reason: 'k must be a whole number of at least 1, got 0.',
      });
      expect(assignJurors({ ...base, k: 1.5 }).ok).toBe(false);
    });

    it('refuses k above the number of jurors', () => {
      const result = assignJurors({
        submissions: submissionsOf('A'),
        jurors: outsideJurors(3),
        existing: [],
        k: 4,
      });
      expect(result).toEqual({
        ok: false,
        reason:
          'Submission s1 needs 4 jurors but only 3 are eligible (3 active jurors, 0 from its school, 0 recused).',
      });
    });

    it('refuses a submission listed twice', () => {
      const submissions = [...submissionsOf('A'), ...submissionsOf('B')];
      expect(assignJurors({ submissions, jurors: outsideJurors(3), existing: [], k: 1 })).toEqual({
        ok: false,
        reason: 'Submission s1 is listed twice.',
      });
    });
  });

  it('has nothing to do without submissions', () => {
    expect(assignJurors({ submissions: [], jurors: [], existing: [], k: 3 })).toEqual({
      ok: true,
      assignments: [],
    });
  });

  it('depends on the sets given and the seed, not on their order', () => {
    const input: AssignmentInput = {
      submissions: submissionsOf('A', 'B', 'A', 'C', 'B', 'A', 'D'),
      jurors: [...outsideJurors(4), { id: 'tA', schoolId: 'A' }, { id: 'tB', schoolId: 'B' }],
      existing: [{ submissionId: 's3', jurorId: 'j02', status: 'RECUSED' }],
      k: 3,
      seed: 42,
    };
    const shuffled = {
      ...input,
      submissions: [...input.submissions].reverse(),
      jurors: [...input.jurors.slice(3), ...input.jurors.slice(0, 3)],
    };
    const sort = (r: ReturnType<typeof assignJurors>) =>
      r.ok
        ? [...r.assignments].sort((a, b) =>
            `${a.submissionId}${a.jurorId}`.localeCompare(`${b.submissionId}${b.jurorId}`),
          )
        : r;
    expect(sort(assignJurors(shuffled))).toEqual(sort(assignJurors(input)));
    expect(assignJurors(input)).toEqual(assignJurors(input));
    expectValid(input, assignJurors({ ...input, seed: 7 }));
  });

  it('makes jurors overlap so the co-evaluation graph is connected', () => {
    // 6 jurors, k = 3: a naive "next three" rotation would form two disjoint panels.
    const input = {
      submissions: submissionsOf('A', 'B', 'C', 'D'),
      jurors: outsideJurors(6),
      existing: [],
      k: 3,
    };
    const result = assignJurors(input);
    expectValid(input, result);
    expect(result.ok && coEvaluationGroups(input, result.assignments)).toBe(1);
  });

  it('swaps assignments between separate groups of jurors when conflicts kept them apart', () => {
    // Found by random search: the first two passes leave two groups here; a load-preserving swap joins them.
    const input: AssignmentInput = {
      submissions: [
        { id: 's0', schoolId: 'sc0' },
        { id: 's1', schoolId: 'sc0' },
        { id: 's2', schoolId: 'sc2' },
        { id: 's3', schoolId: 'sc1' },
      ],
      jurors: [
        { id: 'j0', schoolId: 'sc0' },
        { id: 'j1', schoolId: 'sc2' },
        { id: 'j2', schoolId: 'sc2' },
        { id: 'j3', schoolId: 'sc3' },
        { id: 'j4', schoolId: 'sc3' },
        { id: 'j5', schoolId: 'sc0' },
      ],
      existing: [
        { submissionId: 's0', jurorId: 'j2', status: 'PENDING' },
        { submissionId: 's3', jurorId: 'j3', status: 'PENDING' },
      ],
      k: 3,
    };
    const result = assignJurors(input);
    expectValid(input, result);
    expect(result.ok && coEvaluationGroups(input, result.assignments)).toBe(1);
  });

  it('connects jurors in a realistic regional event with teachers on the jury', () => {
    const schools = Array.from({ length: 12 }, (_, i) => `school${i}`);
    const input: AssignmentInput = {
      submissions: Array.from({ length: 60 }, (_, i) => ({
        id: `sub${i}`,
        schoolId: schools[(i * 7) % 12],
      })),
      jurors: [
        ...schools.slice(0, 5).map((schoolId, i) => ({ id: `teacher${i}`, schoolId })),
        ...outsideJurors(10),
      ],
      existing: [],
      k: 3,
    };
    const result = assignJurors(input);
    const { loads } = expectValid(input, result);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    expect(result.ok && coEvaluationGroups(input, result.assignments)).toBe(1);
  });
});
