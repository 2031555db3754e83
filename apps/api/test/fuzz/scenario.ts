// The world the fuzzer attacks: two schools, every kind of viewer, one hackathon in each phase
// with teams, submissions (with history), help requests, feedback, assignments and scores, all
// made through the public API where the API can make them, so the database starts consistent.
import fc from 'fast-check';
import {
  createHackathon,
  createTeam,
  HackathonRow,
  JURY_OPS,
  PhaseName,
  SUBMISSION_OPS,
  submissionInput,
  TEAM_OPS,
  TEST_PASSWORD,
  TestApp,
  TestUser,
} from '@ensemble/testing';
import type { Pools } from './arbitraries';
import { words } from './arbitraries';

export type ViewerKind =
  | 'anonymous'
  | 'pupil'
  | 'pupil2'
  | 'freePupil'
  | 'otherSchoolPupil'
  | 'pendingPupil'
  | 'suspendedPupil'
  | 'teacher'
  | 'otherSchoolTeacher'
  | 'pendingTeacher'
  | 'juror'
  | 'schoolJuror'
  | 'organizer';

export const VIEWER_KINDS: ViewerKind[] = [
  'anonymous',
  'pupil',
  'pupil2',
  'freePupil',
  'otherSchoolPupil',
  'pendingPupil',
  'suspendedPupil',
  'teacher',
  'otherSchoolTeacher',
  'pendingTeacher',
  'juror',
  'schoolJuror',
  'organizer',
];

interface ViewerRow {
  user: TestUser;
  status: 'ACTIVE' | 'PENDING' | 'SUSPENDED';
}

export interface FuzzScenario {
  viewers: Record<Exclude<ViewerKind, 'anonymous'>, ViewerRow>;
  hackathons: Record<PhaseName, HackathonRow>;
  pools: Pools;
  /** Per viewer, the ids that are theirs to act on, by argument name. */
  own: Record<ViewerKind, Record<string, string[]>>;
  /** Real values mutation drivers pick from. */
  ids: {
    helpRequests: string[];
    hackathons: string[];
    criteriaByHackathon: { id: string; maxScore: number }[][];
    /** Invite codes of the REGISTRATION hackathon's teams. */
    openInviteCodes: string[];
  };
  schoolIds: { a: string; b: string };
}

const year = new Date().getUTCFullYear();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Runs a mutation that must succeed during seeding. */
async function must<T = Record<string, any>>(
  user: TestUser,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  return user.client.ok<T>(query, variables);
}

export async function seedFuzzScenario(t: TestApp): Promise<FuzzScenario> {
  const f = t.factories;
  const schoolA = await f.school({ level: 'COLLEGE' });
  const schoolB = await f.school({ level: 'LYCEE' });
  const organizer = await f.organizer();
  const teacher = await f.teacher(schoolA.id);
  const otherSchoolTeacher = await f.teacher(schoolB.id);
  const pendingTeacher = await f.teacher(schoolA.id, { status: 'PENDING' });
  const pupilsA = [];
  for (const _ of range(5)) pupilsA.push(await f.pupil(schoolA.id));
  const pupilsB = [];
  for (const _ of range(3)) pupilsB.push(await f.pupil(schoolB.id));
  const pendingPupil = await f.pupil(schoolA.id, { status: 'PENDING', birthYear: year - 12 });
  const suspendedPupil = await f.pupil(schoolA.id, { status: 'SUSPENDED' });
  const jurors = [await f.juror(), await f.juror(), await f.juror()];
  const schoolJuror = await f.juror({ schoolId: schoolA.id });

  // Hackathons: the judged ones are built in BUILDING and moved forward through the API.
  const h = {} as Record<PhaseName, HackathonRow>;
  h.DRAFT = await createHackathon(t, { phase: 'DRAFT', createdBy: organizer.id });
  h.REGISTRATION = await createHackathon(t, {
    phase: 'REGISTRATION',
    maxTeamSize: 4,
    createdBy: organizer.id,
  });
  h.BUILDING = await createHackathon(t, { phase: 'BUILDING', createdBy: organizer.id });
  h.JUDGING = await createHackathon(t, { phase: 'BUILDING', createdBy: organizer.id });
  h.RESULTS = await createHackathon(t, { phase: 'BUILDING', createdBy: organizer.id });
  h.ARCHIVED = await createHackathon(t, { phase: 'BUILDING', createdBy: organizer.id });

  const teamIds: string[] = [];
  const inviteCodes: string[] = [];
  const submissionIds: string[] = [];
  const addTeam = async (
    hackathon: HackathonRow,
    schoolId: string,
    members: TestUser[],
    mentor: TestUser | null,
  ) => {
    const team = await createTeam(t, {
      hackathon,
      schoolId,
      memberIds: members.map((m) => m.id),
      mentorId: mentor?.id ?? null,
    });
    teamIds.push(team.id);
    inviteCodes.push(team.inviteCode);
    return team;
  };

  // REGISTRATION: one team with room, one without a mentor; pupils a3, a4, b2 are free.
  await addTeam(h.REGISTRATION, schoolA.id, [pupilsA[0], pupilsA[1]], teacher);
  await addTeam(h.REGISTRATION, schoolB.id, [pupilsB[0]], null);

  // BUILDING: a submission with history, help requests (one claimed) and feedback.
  const building = await addTeam(h.BUILDING, schoolA.id, [pupilsA[0], pupilsA[2]], teacher);
  await addTeam(h.BUILDING, schoolB.id, [pupilsB[0], pupilsB[1]], otherSchoolTeacher);
  await must(pupilsA[0], SUBMISSION_OPS.save, { teamId: building.id, input: submissionInput() });
  const saved = await must(pupilsA[2], SUBMISSION_OPS.save, {
    teamId: building.id,
    input: submissionInput({ title: 'Deuxième version' }),
    expectedVersion: 1,
  });
  submissionIds.push(saved.saveSubmission.id);
  const helpRequests: string[] = [];
  for (const topic of ['Aide sur la base de données', 'Comment faire une maquette ?']) {
    const r = await must(pupilsA[0], SUBMISSION_OPS.requestHelp, { teamId: building.id, topic });
    helpRequests.push(r.requestHelp.id);
  }
  await must(teacher, SUBMISSION_OPS.claimHelp, { id: helpRequests[1] });
  await must(teacher, SUBMISSION_OPS.addFeedback, {
    submissionId: saved.saveSubmission.id,
    body: 'Beau travail, continuez !',
  });

  // JUDGING, RESULTS, ARCHIVED: two validated teams with submitted work, jurors assigned, scores.
  for (const phase of ['JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
    const hackathon = h[phase];
    const teams = [
      {
        team: await addTeam(hackathon, schoolA.id, [pupilsA[1], pupilsA[3]], teacher),
        member: pupilsA[1],
        mentor: teacher,
      },
      {
        team: await addTeam(hackathon, schoolB.id, [pupilsB[1], pupilsB[2]], otherSchoolTeacher),
        member: pupilsB[1],
        mentor: otherSchoolTeacher,
      },
    ];
    for (const { team, member, mentor } of teams) {
      const s = await must(member, SUBMISSION_OPS.save, {
        teamId: team.id,
        input: submissionInput({ title: `Projet ${phase}` }),
      });
      submissionIds.push(s.saveSubmission.id);
      await must(member, SUBMISSION_OPS.submit, { teamId: team.id });
      await must(mentor, TEAM_OPS.validate, { teamId: team.id });
    }
    await must(organizer, JURY_OPS.setPhase, { hackathonId: hackathon.id, phase: 'JUDGING' });
    await must(organizer, JURY_OPS.assign, { hackathonId: hackathon.id, k: 2 });
    const assignments: { id: string; juror_id: string }[] = await t.db.query(
      `SELECT id, juror_id FROM jury_assignments WHERE hackathon_id = $1 ORDER BY id`,
      [hackathon.id],
    );
    const everyone = [...jurors, schoolJuror];
    // JUDGING keeps some assignments unscored; the later phases have every one scored.
    for (const [i, a] of assignments.entries()) {
      if (phase === 'JUDGING' && i % 2 === 1) continue;
      const juror = everyone.find((j) => j.id === a.juror_id)!;
      const scores = hackathon.criteria.map((c, k) => ({
        criterionId: c.id,
        value: (i + k) % (c.maxScore + 1),
      }));
      await must(juror, JURY_OPS.score, { id: a.id, scores, comment: 'Un projet utile.' });
    }
    if (phase !== 'JUDGING') await must(organizer, JURY_OPS.publish, { hackathonId: hackathon.id });
    if (phase === 'ARCHIVED')
      await must(organizer, JURY_OPS.setPhase, { hackathonId: hackathon.id, phase: 'ARCHIVED' });
    h[phase] = { ...hackathon, phase };
  }

  await must(
    organizer,
    `mutation($h: ID!) { postAnnouncement(hackathonId: $h, title: "Bienvenue", body: "C'est parti !") { id } }`,
    { h: h.REGISTRATION.id },
  );

  const invitationCodes: string[] = [];
  for (const [role, schoolId] of [
    ['JUROR', null],
    ['ORGANIZER', null],
    ['JUROR', schoolB.id],
  ] as const) {
    const r = await must(
      organizer,
      `mutation($role: Role!, $email: String!, $schoolId: ID) { createInvitation(role: $role, email: $email, schoolId: $schoolId) }`,
      {
        role,
        email: `invited-${invitationCodes.length}-${Date.now()}@test.ensemble.fr`,
        schoolId,
      },
    );
    invitationCodes.push(r.createInvitation);
  }

  const refreshTokens: string[] = [];
  for (const u of [pupilsA[0], teacher, organizer, jurors[0]]) {
    const r = await t.client.ok(
      `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { refreshToken } }`,
      { l: u.email, p: TEST_PASSWORD },
    );
    refreshTokens.push(r.login.refreshToken);
  }

  const q = async (sql: string): Promise<string[]> =>
    (await t.db.query(sql)).map((r: { id: string }) => r.id);
  const users = [
    organizer,
    teacher,
    otherSchoolTeacher,
    pendingTeacher,
    ...pupilsA,
    ...pupilsB,
    pendingPupil,
    suspendedPupil,
    ...jurors,
    schoolJuror,
  ];
  const hackathonIds = Object.values(h).map((x) => x.id);
  const idsByName: Record<string, string[]> = {
    hackathonId: hackathonIds,
    teamId: teamIds,
    userId: users.map((u) => u.id),
    submissionId: await q(`SELECT id FROM submissions`),
    assignmentId: await q(`SELECT id FROM jury_assignments`),
    schoolId: [schoolA.id, schoolB.id],
    trackId: Object.values(h).flatMap((x) => x.trackIds),
    criterionId: Object.values(h).flatMap((x) => x.criterionIds),
    id: [...helpRequests, ...hackathonIds],
  };
  const anyId = [
    ...Object.values(idsByName).flat(),
    ...(await q(`SELECT id FROM feedback`)),
    ...(await q(`SELECT id FROM announcements`)),
    ...(await q(`SELECT id FROM evaluations`)),
  ];
  const emails = users.map((u) => u.email);
  const slugs = Object.values(h).map((x) => x.slug);

  const pools: Pools = {
    anyId,
    idsByName,
    stringsByName: {
      slug: fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{3,60}$/),
        fc.constantFrom(...slugs),
        fc.constantFrom(...slugs).map((s) => s.toUpperCase()),
      ),
      email: fc.oneof(
        fc.nat().map((n) => `fuzz-${n}@example.org`),
        fc.constantFrom(...emails),
        fc.constantFrom(...emails).map((e) => e.toUpperCase()),
        fc.emailAddress(),
      ),
      login: fc.oneof(fc.constantFrom(...emails), fc.emailAddress()),
      password: fc.constantFrom(
        TEST_PASSWORD,
        'Un-mot-de-passe-tres-solide-2024',
        'short',
        'password123',
        'aaaaaaaaaa',
      ),
      inviteCode: fc.oneof(
        fc.constantFrom(...inviteCodes),
        fc.constantFrom(...inviteCodes).map((c) => c.toLowerCase()),
      ),
      code: fc.constantFrom(...invitationCodes),
      refreshToken: fc.oneof(
        fc.constantFrom(...refreshTokens),
        fc.constantFrom(...refreshTokens).map((r) => r.slice(0, -1)),
      ),
      uai: fc.oneof(
        fc.stringMatching(/^[0-9]{7}[A-Z]$/),
        fc.constantFrom(schoolA.uai, schoolB.uai),
      ),
      department: fc.constantFrom('13', '06', '2A', '974', '1', '0000'),
      repositoryUrl: urls(),
      demoUrl: urls(),
      videoUrl: urls(),
      firstName: fc.constantFrom('Camille', 'Léa', 'Noé', 'Zoë', "O'Brien", 'Jean-Éric'),
      lastName: fc.constantFrom('Durand', 'Le Goff', 'N’Diaye', 'Müller'),
      title: words,
      name: fc.oneof(
        words,
        fc.nat({ max: 99999 }).map((n) => `Équipe ${n}`),
      ),
    },
    // Valid values (the hostile generator brings the boundaries and the garbage).
    intsByName: {
      birthYear: fc.integer({ min: year - 20, max: year - 10 }),
      maxScore: fc.integer({ min: 1, max: 100 }),
      minTeamSize: fc.integer({ min: 1, max: 3 }),
      maxTeamSize: fc.integer({ min: 3, max: 10 }),
      value: fc.integer({ min: 0, max: 10 }),
      jurorsPerSubmission: fc.integer({ min: 1, max: 3 }),
      expectedVersion: fc.integer({ min: 0, max: 3 }),
    },
  };

  const criteriaByHackathon = Object.values(h).map((x) =>
    x.criteria.map((c) => ({ id: c.id, maxScore: c.maxScore })),
  );
  const viewer = (user: TestUser, status: ViewerRow['status'] = 'ACTIVE'): ViewerRow => ({
    user,
    status,
  });
  const viewers: FuzzScenario['viewers'] = {
    pupil: viewer(pupilsA[0]),
    pupil2: viewer(pupilsA[1]),
    // In no team of the REGISTRATION hackathon: may create or join one.
    freePupil: viewer(pupilsA[4]),
    otherSchoolPupil: viewer(pupilsB[0]),
    pendingPupil: viewer(pendingPupil, 'PENDING'),
    suspendedPupil: viewer(suspendedPupil, 'SUSPENDED'),
    teacher: viewer(teacher),
    otherSchoolTeacher: viewer(otherSchoolTeacher),
    pendingTeacher: viewer(pendingTeacher, 'PENDING'),
    juror: viewer(jurors[0]),
    schoolJuror: viewer(schoolJuror),
    organizer: viewer(organizer),
  };
  const own = { anonymous: {} } as FuzzScenario['own'];
  for (const [kind, { user }] of Object.entries(viewers) as [
    Exclude<ViewerKind, 'anonymous'>,
    ViewerRow,
  ][]) {
    own[kind] = await ownIds(t, user);
  }
  return {
    own,
    viewers,
    hackathons: h,
    pools,
    ids: {
      helpRequests,
      hackathons: hackathonIds,
      criteriaByHackathon,
      openInviteCodes: (
        await t.db.query(`SELECT t.invite_code AS id FROM teams t WHERE t.hackathon_id = $1`, [
          h.REGISTRATION.id,
        ])
      ).map((r: { id: string }) => r.id),
    },
    schoolIds: { a: schoolA.id, b: schoolB.id },
  };
}

/** What a user may act on: a pupil's teams, a school's teams and pupils, a juror's assignments. */
async function ownIds(t: TestApp, user: TestUser): Promise<Record<string, string[]>> {
  const ids = async (sql: string): Promise<string[]> =>
    (await t.db.query(sql, [user.id])).map((r: { id: string }) => r.id);
  // Teams where something can still happen (REGISTRATION, BUILDING); the others come from the pools.
  const teams = `SELECT t.id FROM teams t JOIN users u ON u.id = $1 JOIN hackathons h ON h.id = t.hackathon_id
    WHERE h.phase IN ('REGISTRATION', 'BUILDING') AND (u.role = 'ORGANIZER' OR (u.role = 'TEACHER' AND t.school_id = u.school_id)
       OR EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = u.id))`;
  return {
    teamId: await ids(teams),
    submissionId: await ids(`SELECT s.id FROM submissions s WHERE s.team_id IN (${teams})`),
    id: await ids(`SELECT r.id FROM help_requests r WHERE r.team_id IN (${teams})`),
    assignmentId: await ids(`SELECT id FROM jury_assignments WHERE juror_id = $1`),
    userId: await ids(
      `SELECT p.id FROM users p JOIN users u ON u.id = $1
        WHERE p.id <> u.id AND (u.role = 'ORGANIZER' OR (u.role = 'TEACHER' AND p.school_id = u.school_id AND p.role = 'PUPIL')
           OR EXISTS (SELECT 1 FROM team_members a JOIN team_members b ON b.team_id = a.team_id WHERE a.user_id = u.id AND b.user_id = p.id))`,
    ),
  };
}

function urls(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'https://github.com/example/projet',
      'http://example.org/demo?x=1#y',
      'https://xn--80ak6aa92e.com',
      'https://аpple.com',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org',
      '//example.org',
      'https://',
      `https://example.org/${'a'.repeat(480)}`,
      `https://example.org/${'a'.repeat(481)}`,
    ),
    fc.webUrl(),
  );
}

/**
 * Puts every viewer back to its seeded status (the fuzzer suspends and validates people) and
 * every seeded hackathon back to its phase and deadlines (the fuzzer moves them on), through
 * the API where a phase change has side effects (publishing, reopening judging).
 */
export async function restoreScenario(t: TestApp, s: FuzzScenario): Promise<void> {
  for (const [kind, { user, status }] of Object.entries(s.viewers) as [
    Exclude<ViewerKind, 'anonymous'>,
    ViewerRow,
  ][]) {
    await t.db.query(`UPDATE users SET status = $2 WHERE id = $1 AND status <> $2`, [
      user.id,
      status,
    ]);
    // Memberships move (leaveTeam, joinTeam…): what is theirs is read again.
    s.own[kind] = await ownIds(t, user);
  }
  // A fresh token: the fuzzer may have closed the organizer's sessions (logoutEverywhere).
  const organizer = {
    ...s.viewers.organizer.user,
    client: t.client.as(await t.factories.tokenFor(s.viewers.organizer.user.id)),
  };
  for (const h of Object.values(s.hackathons)) {
    const [{ phase }] = await t.db.query(`SELECT phase FROM hackathons WHERE id = $1`, [h.id]);
    if (phase !== h.phase) {
      if (h.phase === 'RESULTS' && phase === 'JUDGING') {
        await must(organizer, JURY_OPS.publish, { hackathonId: h.id });
      } else if (h.phase === 'JUDGING' && phase === 'RESULTS') {
        await must(organizer, JURY_OPS.setPhase, { hackathonId: h.id, phase: 'JUDGING' });
      } else {
        await t.db.query(
          `UPDATE hackathons SET phase = $2::text, archived_at = CASE WHEN $2::text = 'ARCHIVED' THEN coalesce(archived_at, now()) END WHERE id = $1`,
          [h.id, h.phase],
        );
        if (h.phase !== 'RESULTS' && h.phase !== 'ARCHIVED') {
          await t.db.query(`DELETE FROM leaderboard_publications WHERE hackathon_id = $1`, [h.id]);
        }
      }
    }
    await t.db.query(
      `UPDATE hackathons SET registration_closes_at = $2, submission_deadline = $3
        WHERE id = $1 AND (registration_closes_at <> $2 OR submission_deadline <> $3)`,
      [h.id, h.registrationClosesAt, h.submissionDeadline],
    );
  }
}

let freshSequence = 0;

/**
 * A throw-away viewer of the given kind (for mutations that end the account, e.g.
 * deleteMyAccount): an active pupil also captains a new team of the REGISTRATION hackathon, so
 * leaving it on deletion is exercised.
 */
export async function freshViewer(
  t: TestApp,
  s: FuzzScenario,
  kind: ViewerKind,
): Promise<TestUser | null> {
  const f = t.factories;
  const status = kind === 'anonymous' ? 'ACTIVE' : s.viewers[kind].status;
  switch (kind) {
    case 'anonymous':
      return null;
    case 'pupil':
    case 'pupil2':
    case 'freePupil':
    case 'otherSchoolPupil': {
      const pupil = await f.pupil(kind === 'otherSchoolPupil' ? s.schoolIds.b : s.schoolIds.a);
      await must(pupil, TEAM_OPS.create, {
        input: {
          hackathonId: s.hackathons.REGISTRATION.id,
          trackId: s.hackathons.REGISTRATION.trackIds[0],
          name: `Jetable ${freshSequence++}`,
        },
      });
      return pupil;
    }
    case 'pendingPupil':
    case 'suspendedPupil':
      return f.pupil(s.schoolIds.a, { status });
    case 'teacher':
    case 'pendingTeacher':
      return f.teacher(s.schoolIds.a, { status });
    case 'otherSchoolTeacher':
      return f.teacher(s.schoolIds.b);
    case 'juror':
      return f.juror();
    case 'schoolJuror':
      return f.juror({ schoolId: s.schoolIds.a });
    case 'organizer':
      return f.organizer();
  }
}
