import {
  createHackathon,
  createTestApp,
  HackathonRow,
  setHackathonPhase,
  submissionInput,
  submissionScenario,
  SubmissionScenario,
  SUBMISSION_OPS as OPS,
  TestApp,
  TestUser,
} from '@ensemble/testing';

const TEAM_FEEDBACK = `query($id: ID!) { team(id: $id) { id submission { id feedback { id body author { id } } } } }`;

describe('mentoring', () => {
  let t: TestApp;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
  });
  afterAll(() => t.close());

  /** A team with a saved submission; returns the submission id. */
  async function withSubmission(options: Parameters<typeof submissionScenario>[1] = {}) {
    const s = await submissionScenario(t, options);
    const { saveSubmission } = await s.members[0].client.ok(OPS.save, {
      teamId: s.team.id,
      input: submissionInput(),
    });
    return { ...s, submissionId: saveSubmission.id as string };
  }

  const feedbackCount = (submissionId: string) =>
    t.factories.count('feedback', 'submission_id = $1', [submissionId]);

  describe('feedback', () => {
    it('lets the team’s mentor and organizers give feedback, trimmed', async () => {
      const s = await withSubmission();
      const { addFeedback } = await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: '  Bravo, continuez !  ',
      });
      expect(addFeedback).toMatchObject({
        body: 'Bravo, continuez !',
        author: { id: s.mentor.id },
      });
      await organizer.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Pensez à la démo.',
      });
      expect(await feedbackCount(s.submissionId)).toBe(2);
    });

    it('is visible to the team’s members, its mentor and organizers, oldest first', async () => {
      const s = await withSubmission();
      await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Premier retour',
      });
      t.clock.advance(1000);
      await organizer.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Second retour',
      });
      for (const who of [s.members[0], s.members[1], s.mentor, organizer]) {
        const { team } = await who.client.ok(TEAM_FEEDBACK, { id: s.team.id });
        expect(team.submission.feedback.map((f: { body: string }) => f.body)).toEqual([
          'Premier retour',
          'Second retour',
        ]);
      }
    });

    it('is never visible to jurors, even assigned to the submission', async () => {
      const s = await withSubmission();
      await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Réservé à l’équipe',
      });
      await setHackathonPhase(t, s.hackathon.id, 'JUDGING');
      const juror = await t.factories.juror();
      await t.db.query(
        `INSERT INTO jury_assignments (hackathon_id, submission_id, juror_id) VALUES ($1, $2, $3)`,
        [s.hackathon.id, s.submissionId, juror.id],
      );
      const { team } = await juror.client.ok(TEAM_FEEDBACK, { id: s.team.id });
      expect(team.submission).toMatchObject({ id: s.submissionId, feedback: [] });
    });

    it('is hidden from other teachers of the school and from the public once results are out', async () => {
      const s = await withSubmission();
      await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Réservé à l’équipe',
      });
      const colleague = await t.factories.teacher(s.school.id);
      expect(
        (await colleague.client.ok(TEAM_FEEDBACK, { id: s.team.id })).team.submission.feedback,
      ).toEqual([]);
      await setHackathonPhase(t, s.hackathon.id, 'RESULTS');
      expect(
        (await t.client.ok(TEAM_FEEDBACK, { id: s.team.id })).team.submission.feedback,
      ).toEqual([]);
    });

    it('refuses anyone but the mentor and organizers with FORBIDDEN, writing nothing', async () => {
      const s = await withSubmission();
      const colleague = await t.factories.teacher(s.school.id);
      for (const who of [s.members[0], colleague, await t.factories.juror()]) {
        expect(
          await who.client.code(OPS.addFeedback, { submissionId: s.submissionId, body: 'Intrus' }),
        ).toBe('FORBIDDEN');
      }
      expect(await feedbackCount(s.submissionId)).toBe(0);
    });

    it('checks the body: 1–5000 characters and no insults (fields.body)', async () => {
      const s = await withSubmission();
      for (const body of ['', '   ', 'x'.repeat(5001), 'Quel connard']) {
        const err = await s.mentor.client.fails(OPS.addFeedback, {
          submissionId: s.submissionId,
          body,
        });
        expect(err.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { body: expect.any(String) },
        });
      }
      expect(await feedbackCount(s.submissionId)).toBe(0);
      await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'y'.repeat(5000),
      });
    });

    it('is open until judging ends, then PHASE_CLOSED', async () => {
      const s = await withSubmission();
      await setHackathonPhase(t, s.hackathon.id, 'JUDGING');
      await s.mentor.client.ok(OPS.addFeedback, {
        submissionId: s.submissionId,
        body: 'Pendant le jury',
      });
      for (const phase of ['RESULTS', 'ARCHIVED']) {
        await setHackathonPhase(t, s.hackathon.id, phase);
        expect(
          await organizer.client.code(OPS.addFeedback, {
            submissionId: s.submissionId,
            body: 'Trop tard',
          }),
        ).toBe('PHASE_CLOSED');
      }
      expect(await feedbackCount(s.submissionId)).toBe(1);
    });

    it('answers NOT_FOUND for an unknown submission', async () => {
      expect(
        await organizer.client.code(OPS.addFeedback, {
          submissionId: '00000000-0000-4000-8000-000000000000',
          body: 'Bonjour',
        }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('help requests', () => {
    let hackathon: HackathonRow;
    let a: SubmissionScenario;
    let b: SubmissionScenario;
    let teacherA: TestUser;
    let teacherB: TestUser;

    beforeAll(async () => {
      hackathon = await createHackathon(t, { phase: 'BUILDING' });
      a = await submissionScenario(t, { hackathon });
      b = await submissionScenario(t, { hackathon });
      teacherA = await t.factories.teacher(a.school.id);
      teacherB = await t.factories.teacher(b.school.id);
    });

    const ask = async (s: SubmissionScenario, topic = 'Notre API ne répond plus') => {
      t.clock.advance(1000);
      return (await s.members[0].client.ok(OPS.requestHelp, { teamId: s.team.id, topic }))
        .requestHelp;
    };
    const statusOf = async (id: string) =>
      (await t.db.query(`SELECT status, claimed_by FROM help_requests WHERE id = $1`, [id]))[0];

    it('lets a team member ask for help: an OPEN request of their team', async () => {
      const request = await ask(a, '  Besoin d’aide sur la base de données  ');
      expect(request).toMatchObject({
        topic: 'Besoin d’aide sur la base de données',
        status: 'OPEN',
        claimedBy: null,
        team: { id: a.team.id },
      });
    });

    it('refuses non-members with FORBIDDEN', async () => {
      const before = await t.factories.count('help_requests');
      const classmate = await t.factories.pupil(a.school.id);
      expect(
        await classmate.client.code(OPS.requestHelp, {
          teamId: a.team.id,
          topic: 'Je ne suis pas membre',
        }),
      ).toBe('FORBIDDEN');
      expect(
        await a.mentor.client.code(OPS.requestHelp, {
          teamId: a.team.id,
          topic: 'Je suis le mentor',
        }),
      ).toBe('FORBIDDEN');
      expect(await t.factories.count('help_requests')).toBe(before);
    });

    it('checks the topic: 3–200 characters and no insults (fields.topic)', async () => {
      const before = await t.factories.count('help_requests');
      for (const topic of ['ab', ' a  ', 'x'.repeat(201), 'Ce connard de serveur']) {
        const err = await a.members[0].client.fails(OPS.requestHelp, { teamId: a.team.id, topic });
        expect(err.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { topic: expect.any(String) },
        });
      }
      expect(await t.factories.count('help_requests')).toBe(before);
    });

    it('refuses help requests once building is over (PHASE_CLOSED)', async () => {
      const s = await submissionScenario(t, { hackathon: { phase: 'JUDGING' } });
      expect(
        await s.members[0].client.code(OPS.requestHelp, {
          teamId: s.team.id,
          topic: 'Trop tard ?',
        }),
      ).toBe('PHASE_CLOSED');
      expect(await t.factories.count('help_requests', 'team_id = $1', [s.team.id])).toBe(0);
    });

    it('lists a teacher’s school requests and all of them for organizers, newest first', async () => {
      const h = await createHackathon(t, { phase: 'BUILDING' });
      const x = await submissionScenario(t, { hackathon: h });
      const y = await submissionScenario(t, { hackathon: h });
      const first = await ask(x, 'Première question');
      const other = await ask(y, 'Question d’une autre école');
      const second = await ask(x, 'Deuxième question');
      const teacher = await t.factories.teacher(x.school.id);
      const ids = async (who: TestUser, vars: Record<string, unknown> = {}) =>
        (await who.client.ok(OPS.helpRequests, { hackathonId: h.id, ...vars })).helpRequests.map(
          (r: { id: string }) => r.id,
        );
      expect(await ids(teacher)).toEqual([second.id, first.id]);
      expect(await ids(organizer)).toEqual([second.id, other.id, first.id]);
      expect(await ids(organizer, { first: 2 })).toEqual([second.id, other.id]);
      expect(await ids(organizer, { first: 2, after: other.id })).toEqual([first.id]);
      expect(await ids(y.mentor)).toEqual([other.id]);
    });

    it('refuses the list to pupils and jurors (FORBIDDEN)', async () => {
      expect(await a.members[0].client.code(OPS.helpRequests, { hackathonId: hackathon.id })).toBe(
        'FORBIDDEN',
      );
      expect(
        await (
          await t.factories.juror()
        ).client.code(OPS.helpRequests, { hackathonId: hackathon.id }),
      ).toBe('FORBIDDEN');
      const err = await organizer.client.fails(OPS.helpRequests, {
        hackathonId: hackathon.id,
        first: 0,
      });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { first: expect.any(String) },
      });
    });

    it('lets a teacher of the school claim an OPEN request; claiming it again changes nothing', async () => {
      const request = await ask(a);
      const { claimHelpRequest } = await teacherA.client.ok(OPS.claimHelp, { id: request.id });
      expect(claimHelpRequest).toEqual({
        id: request.id,
        status: 'CLAIMED',
        claimedBy: { id: teacherA.id },
      });
      expect(
        (await teacherA.client.ok(OPS.claimHelp, { id: request.id })).claimHelpRequest.status,
      ).toBe('CLAIMED');
    });

    it('answers CONFLICT when someone else already claimed it, keeping the first claim', async () => {
      const request = await ask(a);
      await teacherA.client.ok(OPS.claimHelp, { id: request.id });
      const colleague = await t.factories.teacher(a.school.id);
      expect(await colleague.client.code(OPS.claimHelp, { id: request.id })).toBe('CONFLICT');
      expect(await organizer.client.code(OPS.claimHelp, { id: request.id })).toBe('CONFLICT');
      expect(await statusOf(request.id)).toEqual({ status: 'CLAIMED', claimed_by: teacherA.id });
    });

    it('refuses teachers of another school, pupils and pending teachers (FORBIDDEN)', async () => {
      const request = await ask(a);
      const pending = await t.factories.teacher(a.school.id, { status: 'PENDING' });
      for (const who of [teacherB, a.members[0], pending]) {
        expect(await who.client.code(OPS.claimHelp, { id: request.id })).toBe('FORBIDDEN');
        expect(await who.client.code(OPS.resolveHelp, { id: request.id })).toBe('FORBIDDEN');
      }
      expect(await statusOf(request.id)).toEqual({ status: 'OPEN', claimed_by: null });
    });

    it('resolves from OPEN or CLAIMED, idempotently; a resolved request cannot be claimed', async () => {
      const open = await ask(a);
      expect(
        (await organizer.client.ok(OPS.resolveHelp, { id: open.id })).resolveHelpRequest,
      ).toMatchObject({ status: 'RESOLVED', claimedBy: null });
      const claimed = await ask(a);
      await teacherA.client.ok(OPS.claimHelp, { id: claimed.id });
      const colleague = await t.factories.teacher(a.school.id);
      const { resolveHelpRequest } = await colleague.client.ok(OPS.resolveHelp, { id: claimed.id });
      expect(resolveHelpRequest).toMatchObject({
        status: 'RESOLVED',
        claimedBy: { id: teacherA.id },
      });
      expect(
        (await teacherA.client.ok(OPS.resolveHelp, { id: claimed.id })).resolveHelpRequest.status,
      ).toBe('RESOLVED');
      expect(await teacherA.client.code(OPS.claimHelp, { id: open.id })).toBe('CONFLICT');
      expect(await statusOf(open.id)).toEqual({ status: 'RESOLVED', claimed_by: null });
    });

    it('answers NOT_FOUND for an unknown request and refuses changes once archived', async () => {
      expect(
        await organizer.client.code(OPS.claimHelp, { id: '00000000-0000-4000-8000-000000000000' }),
      ).toBe('NOT_FOUND');
      const h = await createHackathon(t, { phase: 'BUILDING' });
      const s = await submissionScenario(t, { hackathon: h });
      const request = await ask(s);
      await setHackathonPhase(t, h.id, 'ARCHIVED');
      expect(await organizer.client.code(OPS.resolveHelp, { id: request.id })).toBe('PHASE_CLOSED');
      expect(await statusOf(request.id)).toEqual({ status: 'OPEN', claimed_by: null });
    });

    it('loads a page of requests with their teams and claimers in a constant number of statements', async () => {
      const h = await createHackathon(t, { phase: 'BUILDING' });
      const count = async () =>
        (await t.sql.measure(() => organizer.client.ok(OPS.helpRequests, { hackathonId: h.id })))
          .count;
      const claimOne = async () => {
        const s = await submissionScenario(t, { hackathon: h });
        const r = await ask(s);
        await (await t.factories.teacher(s.school.id)).client.ok(OPS.claimHelp, { id: r.id });
      };
      await claimOne();
      const few = await count();
      for (let i = 0; i < 3; i++) await claimOne();
      expect(await count()).toBe(few);
    });
  });
});
