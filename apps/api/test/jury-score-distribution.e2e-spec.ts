// jurorScoreDistribution: per juror, the spread of the weighted scores they gave, so organizers can
// see severe and lenient jurors. Scores go through the real scoreSubmission mutation.
import {
  createAssignment,
  createTestApp,
  judgingScenario,
  JudgingScenario,
  JURY_OPS,
  scoresFor,
  TestApp,
} from '@ensemble/testing';

const DISTRIBUTION = `query($hackathonId: ID!) {
  jurorScoreDistribution(hackathonId: $hackathonId) {
    juror { id displayName } count pending mean stddev min q1 median q3 max scores } }`;

interface Distribution {
  juror: { id: string; displayName: string };
  count: number;
  pending: number;
  mean: number | null;
  stddev: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  scores: number[];
}

/** RULES.md: weightedScore = 100 × Σ(weight × value / maxScore) / Σ weight. */
function weighted(s: JudgingScenario, values: number[]): number {
  const criteria = s.hackathon.criteria;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    (100 * criteria.reduce((sum, c, i) => sum + (c.weight * values[i]) / c.maxScore, 0)) / total
  );
}

/** The p-quantile with linear interpolation between the closest ranks of sorted values. */
function quantile(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function expected(scores: number[]) {
  const sorted = [...scores].sort((x, y) => x - y);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const variance = sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / sorted.length;
  return {
    count: sorted.length,
    mean: expect.closeTo(mean, 9),
    stddev: expect.closeTo(Math.sqrt(variance), 9),
    min: expect.closeTo(sorted[0], 9),
    q1: expect.closeTo(quantile(sorted, 0.25), 9),
    median: expect.closeTo(quantile(sorted, 0.5), 9),
    q3: expect.closeTo(quantile(sorted, 0.75), 9),
    max: expect.closeTo(sorted[sorted.length - 1], 9),
    scores: sorted.map((v) => expect.closeTo(v, 9)),
  };
}

describe('jurorScoreDistribution', () => {
  let t: TestApp;
  let s: JudgingScenario;

  beforeAll(async () => {
    t = await createTestApp();
    s = await judgingScenario(t, { teams: 4, jurors: 4 });
  });
  afterAll(() => t.close());

  async function score(jurorIndex: number, teamIndex: number, values: number[]): Promise<void> {
    const juror = s.jurors[jurorIndex];
    const [row] = await t.db.query(
      `SELECT id FROM jury_assignments WHERE juror_id = $1 AND submission_id = $2 AND status <> 'RECUSED'`,
      [juror.id, s.teams[teamIndex].submissionId],
    );
    const id =
      row?.id ??
      (await createAssignment(t, s.hackathon.id, s.teams[teamIndex].submissionId, juror.id));
    await juror.client.ok(JURY_OPS.score, {
      id,
      scores: scoresFor(s.hackathon, values),
      comment: '',
    });
  }

  const read = async (): Promise<Distribution[]> =>
    (await s.organizer.client.ok(DISTRIBUTION, { hackathonId: s.hackathon.id }))
      .jurorScoreDistribution;
  const of = (rows: Distribution[], jurorIndex: number) =>
    rows.find((r) => r.juror.id === s.jurors[jurorIndex].id);

  it('is empty before any assignment', async () => {
    expect(await read()).toEqual([]);
  });

  it('gives each juror’s count, mean, population stddev, quartiles and every score', async () => {
    // Juror 0 is lenient, juror 1 severe; juror 2 has not scored yet; juror 3 recused.
    const lenient = [
      [9, 18],
      [10, 20],
      [8, 15],
      [7, 19],
    ];
    const severe = [
      [2, 5],
      [4, 3],
      [1, 8],
    ];
    for (const [i, values] of lenient.entries()) await score(0, i, values);
    for (const [i, values] of severe.entries()) await score(1, i, values);
    await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[2].id);
    await createAssignment(t, s.hackathon.id, s.teams[1].submissionId, s.jurors[2].id);
    await createAssignment(t, s.hackathon.id, s.teams[2].submissionId, s.jurors[3].id, 'RECUSED');

    const rows = await read();

    expect(rows).toHaveLength(3);
    expect(of(rows, 0)).toEqual({
      juror: { id: s.jurors[0].id, displayName: 'Camille D.' },
      pending: 0,
      ...expected(lenient.map((v) => weighted(s, v))),
    });
    expect(of(rows, 1)).toEqual({
      juror: { id: s.jurors[1].id, displayName: 'Camille D.' },
      pending: 0,
      ...expected(severe.map((v) => weighted(s, v))),
    });
    expect(of(rows, 2)).toEqual({
      juror: { id: s.jurors[2].id, displayName: 'Camille D.' },
      count: 0,
      pending: 2,
      mean: null,
      stddev: null,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      scores: [],
    });
    expect(of(rows, 3)).toBeUndefined();
    expect(of(rows, 0)!.mean!).toBeGreaterThan(of(rows, 1)!.max!);
  });

  it('follows a re-score (replaced, not added) and a juror’s first score', async () => {
    await score(1, 0, [10, 20]);
    await score(2, 0, [5, 10]);

    const rows = await read();
    expect(of(rows, 1)).toMatchObject(
      expected([weighted(s, [10, 20]), weighted(s, [4, 3]), weighted(s, [1, 8])]),
    );
    expect(of(rows, 2)).toMatchObject({ count: 1, pending: 1, stddev: 0, scores: [50] });
  });

  it('reads the figures in a fixed number of statements whatever the number of jurors', async () => {
    const { count } = await t.sql.measure(() => read());
    // Authentication, the hackathon check, the figures, the jurors (one batch).
    expect(count).toBeLessThanOrEqual(4);
  });

  it('is for organizers only', async () => {
    const school = s.schools[0].id;
    for (const user of [
      s.jurors[0],
      await t.factories.teacher(school),
      await t.factories.pupil(school),
      await t.factories.organizer({ status: 'SUSPENDED' }),
    ])
      expect(await user.client.code(DISTRIBUTION, { hackathonId: s.hackathon.id })).toBe(
        'FORBIDDEN',
      );
    expect(await t.client.code(DISTRIBUTION, { hackathonId: s.hackathon.id })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers NOT_FOUND for an unknown hackathon and BAD_USER_INPUT for a malformed id', async () => {
    expect(
      await s.organizer.client.code(DISTRIBUTION, {
        hackathonId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toBe('NOT_FOUND');
    expect(await s.organizer.client.code(DISTRIBUTION, { hackathonId: 'nope' })).toBe(
      'BAD_USER_INPUT',
    );
  });
});
