// GET /api/hackathons/:id/results.csv: organizers only, RFC 4180, UTF-8 with BOM, formula injection neutralised.
import {
  createAssignment,
  createHackathon,
  createJudgedTeam,
  createTestApp,
  JURY_OPS,
  TestApp,
} from '@ensemble/testing';

describe('results.csv', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('exports rank, team, school, category, track, score and evaluations with quoting, BOM and CRLF', async () => {
    const organizer = await t.factories.organizer();
    const school = await t.factories.school({
      name: 'Collège "Les Calanques", Marseille',
      level: 'COLLEGE',
    });
    const hackathon = await createHackathon(t, {
      phase: 'JUDGING',
      tracks: ['Prévention, écoute'],
      criteria: [{ weight: 1, maxScore: 100 }],
    });
    const names = ['=HYPERLINK("x")', 'Les "Bienveillants"', '+Solidaires', '@Écoute', '-Stop'];
    const juror = await t.factories.juror();
    for (const [i, name] of names.entries()) {
      const team = await createJudgedTeam(t, { hackathon, schoolId: school.id, name });
      const id = await createAssignment(t, hackathon.id, team.submissionId, juror.id);
      await juror.client.ok(JURY_OPS.score, {
        id,
        scores: [{ criterionId: hackathon.criterionIds[0], value: 90 - 10 * i }],
        comment: '',
      });
    }

    const res = await get(`/api/hackathons/${hackathon.id}/results.csv`, organizer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/i);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="resultats-${hackathon.slug}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const school_ = '"Collège ""Les Calanques"", Marseille"';
    expect(text.split('\r\n')).toEqual([
      'rank,team,school,category,track,score,evaluations',
      `1,"'=HYPERLINK(""x"")",${school_},COLLEGE,"Prévention, écoute",90,1`,
      `2,"Les ""Bienveillants""",${school_},COLLEGE,"Prévention, écoute",80,1`,
      `3,'+Solidaires,${school_},COLLEGE,"Prévention, écoute",70,1`,
      `4,'@Écoute,${school_},COLLEGE,"Prévention, écoute",60,1`,
      `5,'-Stop,${school_},COLLEGE,"Prévention, écoute",50,1`,
      '',
    ]);

    // Z_SCORE keeps negative scores as numbers.
    const z = await (
      await get(`/api/hackathons/${hackathon.id}/results.csv?method=Z_SCORE`, organizer.token)
    ).text();
    expect(z).toContain(`5,'-Stop,${school_},COLLEGE,"Prévention, écoute",-1.414,1`);
  });

  it('is for organizers only, and checks its parameters', async () => {
    const organizer = await t.factories.organizer();
    const juror = await t.factories.juror();
    const hackathon = await createHackathon(t, { phase: 'RESULTS' });
    expect((await get(`/api/hackathons/${hackathon.id}/results.csv`)).status).toBe(401);
    expect((await get(`/api/hackathons/${hackathon.id}/results.csv`, juror.token)).status).toBe(
      403,
    );
    expect((await get(`/api/hackathons/not-a-uuid/results.csv`, organizer.token)).status).toBe(400);
    expect(
      (await get(`/api/hackathons/${hackathon.id}/results.csv?method=MEDIAN`, organizer.token))
        .status,
    ).toBe(400);
    expect(
      (
        await get(
          `/api/hackathons/00000000-0000-4000-8000-000000000000/results.csv`,
          organizer.token,
        )
      ).status,
    ).toBe(404);
  });
});
