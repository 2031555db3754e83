// Team use cases: create, join, leave, remove a member, mentor, validate, and leaving on account erasure.
// Every write runs in one transaction with the team row locked, so concurrent calls queue up.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { needsParentalConsent } from '@ensemble/domain';
import { isUniqueViolation } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { conflict, FieldErrorCollector, forbidden, notFound } from '../common/errors';
import { AccountStatus, HackathonPhase, Role, SchoolLevel, TeamStatus } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TrackEntity } from '../hackathons/track.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { SchoolEntity } from '../schools/school.entity';
import { TeamInput } from './dto/team.input';
import { generateInviteCode, normalizeInviteCode } from './invite-code';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';

const ONE_TEAM_PER_HACKATHON = 'team_members_one_team_per_hackathon';
const NAME_TAKEN = 'teams_hackathon_name_key';
const INVITE_CODE_TAKEN = 'teams_invite_code_key';
const NAME_MIN = 3;
const NAME_MAX = 40;
/** Teams that left the competition cannot be joined, mentored or validated any more. */
const CLOSED_STATUSES = [TeamStatus.WITHDRAWN, TeamStatus.DISQUALIFIED];
/** Membership may change (and a validation be redone) only while these last. */
const OPEN_TEAM_PHASES = [HackathonPhase.REGISTRATION, HackathonPhase.BUILDING];

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly hackathons: HackathonsService,
  ) {}

  async create(viewer: Viewer, input: TeamInput): Promise<TeamEntity> {
    const pupil = viewer.user!;
    if (pupil.role !== Role.PUPIL || !pupil.schoolId) throw forbidden('Only pupils create teams');
    const hackathon = await this.dataSource
      .getRepository(HackathonEntity)
      .findOneBy({ id: input.hackathonId });
    if (!hackathon) throw notFound('Hackathon');
    this.hackathons.assertPhase('createTeam', hackathon);

    const name = input.name.trim();
    const errors = new FieldErrorCollector();
    const length = [...name].length;
    errors.check(
      length >= NAME_MIN && length <= NAME_MAX,
      'name',
      `must be ${NAME_MIN} to ${NAME_MAX} characters`,
    );
    errors.moderate('name', name);
    const track = await this.dataSource
      .getRepository(TrackEntity)
      .findOneBy({ id: input.trackId, hackathonId: hackathon.id });
    errors.check(!!track, 'trackId', 'is not a track of this hackathon');
    errors.throwIfAny();

    const school = await this.dataSource
      .getRepository(SchoolEntity)
      .findOneByOrFail({ id: pupil.schoolId });
    // A fresh code is drawn if the (astronomically rare) collision happens at insert time.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) =>
          this.insertTeam(m, pupil, hackathon, track!, school, name),
        );
      } catch (err) {
        if (isUniqueViolation(err, ONE_TEAM_PER_HACKATHON))
          throw conflict('You are already in a team of this hackathon');
        if (isUniqueViolation(err, NAME_TAKEN))
          throw conflict('Another team of this hackathon already has this name');
        if (isUniqueViolation(err, INVITE_CODE_TAKEN) && attempt < 3) continue;
        throw err;
      }
    }
  }

  private async insertTeam(
    m: EntityManager,
    pupil: UserEntity,
    hackathon: HackathonEntity,
    track: TrackEntity,
    school: SchoolEntity,
    name: string,
  ): Promise<TeamEntity> {
    // Friendly checks first; the unique keys catch concurrent calls and roll everything back.
    if (await this.isInATeam(m, hackathon.id, pupil.id))
      throw conflict('You are already in a team of this hackathon');
    const taken = await m.query(
      `SELECT 1 FROM teams WHERE hackathon_id = $1 AND lower(name) = lower($2)`,
      [hackathon.id, name],
    );
    if (taken.length) throw conflict('Another team of this hackathon already has this name');
    const team = await m.save(
      m.create(TeamEntity, {
        hackathonId: hackathon.id,
        trackId: track.id,
        schoolId: school.id,
        category: school.level as SchoolLevel,
        name,
        inviteCode: await this.freeInviteCode(m),
        status: TeamStatus.FORMING,
        mentorId: null,
      }),
    );
    await m.query(
      `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, true)`,
      [team.id, pupil.id, hackathon.id],
    );
    return team;
  }

  private async freeInviteCode(m: EntityManager): Promise<string> {
    for (;;) {
      const code = generateInviteCode();
      const used = await m.query(`SELECT 1 FROM teams WHERE invite_code = $1`, [code]);
      if (!used.length) return code;
    }
  }

  async join(viewer: Viewer, rawCode: string): Promise<TeamEntity> {
    const pupil = viewer.user!;
    const code = normalizeInviteCode(rawCode);
    if (code.length === 0 || code.length > 16) throw notFound('Team');
    try {
      return await this.dataSource.transaction(async (m) => {
        // The lock serialises joins: two pupils racing for the last seat see each other's insert.
        const team = await m
          .getRepository(TeamEntity)
          .findOne({ where: { inviteCode: code }, lock: { mode: 'pessimistic_write' } });
        if (!team) throw notFound('Team');
        if (pupil.role !== Role.PUPIL || !pupil.schoolId || pupil.schoolId !== team.schoolId) {
          throw forbidden('Only pupils of the team’s school can join it');
        }
        const hackathon = await this.hackathonOf(m, team);
        this.hackathons.assertPhase('joinTeam', hackathon);
        if (CLOSED_STATUSES.includes(team.status))
          throw conflict(`This team is ${team.status.toLowerCase()}`);
        if (await this.isInATeam(m, team.hackathonId, pupil.id))
          throw conflict('You are already in a team of this hackathon');
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM team_members WHERE team_id = $1`,
          [team.id],
        );
        if (n >= hackathon.maxTeamSize)
          throw conflict(`This team is full (${hackathon.maxTeamSize} members)`);
        await m.query(
          `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, false)`,
          [team.id, pupil.id, team.hackathonId],
        );
        await this.membershipChanged(m, team);
        return team;
      });
    } catch (err) {
      if (isUniqueViolation(err, ONE_TEAM_PER_HACKATHON))
        throw conflict('You are already in a team of this hackathon');
      throw err;
    }
  }

  async leave(viewer: Viewer, teamId: string): Promise<boolean> {
    await this.dataSource.transaction(async (m) => {
      const team = await this.lockTeam(m, teamId);
      const members = await this.membersOf(m, team.id);
      if (!members.some((mb) => mb.userId === viewer.id))
        throw forbidden('You are not a member of this team');
      this.hackathons.assertPhase('leaveTeam', await this.hackathonOf(m, team));
      await this.removeMembership(m, team, viewer.id!, true);
    });
    return true;
  }

  async removeMember(viewer: Viewer, teamId: string, userId: string): Promise<TeamEntity> {
    return this.dataSource.transaction(async (m) => {
      const team = await this.lockTeam(m, teamId);
      const members = await this.membersOf(m, team.id);
      const isCaptain = members.some((mb) => mb.captain && mb.userId === viewer.id);
      if (!isCaptain && !viewer.isOrganizer && !this.isMentor(viewer, team)) {
        throw forbidden('Only the captain, the mentor or an organizer can remove a member');
      }
      this.hackathons.assertPhase('removeTeamMember', await this.hackathonOf(m, team));
      if (!members.some((mb) => mb.userId === userId)) throw notFound('Team member');
      await this.removeMembership(m, team, userId, true);
      return team;
    });
  }

  async mentor(viewer: Viewer, teamId: string): Promise<TeamEntity> {
    return this.dataSource.transaction(async (m) => {
      const team = await this.lockTeam(m, teamId);
      if (!viewer.isTeacherOf(team.schoolId))
        throw forbidden('Only a teacher of the team’s school can mentor it');
      this.hackathons.assertPhase('mentorTeam', await this.hackathonOf(m, team));
      if (CLOSED_STATUSES.includes(team.status))
        throw conflict(`This team is ${team.status.toLowerCase()}`);
      if (team.mentorId !== viewer.id) {
        const before = { mentorId: team.mentorId };
        team.mentorId = viewer.id;
        await m.save(team);
        await this.audit.record(m, {
          hackathonId: team.hackathonId,
          actorId: viewer.id,
          action: 'team.mentored',
          entityType: 'team',
          entityId: team.id,
          before,
          after: { mentorId: team.mentorId },
        });
      }
      return team;
    });
  }

  async validate(viewer: Viewer, teamId: string): Promise<TeamEntity> {
    return this.dataSource.transaction(async (m) => {
      const team = await this.lockTeam(m, teamId);
      if (!viewer.isOrganizer && !this.isMentor(viewer, team)) {
        throw forbidden('Only the team’s mentor or an organizer can validate it');
      }
      const hackathon = await this.hackathonOf(m, team);
      this.hackathons.assertPhase('validateTeam', hackathon);
      if (CLOSED_STATUSES.includes(team.status))
        throw conflict(`This team is ${team.status.toLowerCase()}`);

      const errors = new FieldErrorCollector();
      const mentor = team.mentorId
        ? await m.getRepository(UserEntity).findOneBy({ id: team.mentorId })
        : null;
      errors.check(
        !!mentor && mentor.status === AccountStatus.ACTIVE && !mentor.deletedAt,
        'mentor',
        'the team needs a mentor (an active teacher of its school)',
      );
      const members: { status: AccountStatus; birthYear: number | null; consent: boolean }[] =
        await m.query(
          `SELECT u.status, u.birth_year AS "birthYear", u.parental_consent_confirmed AS consent
           FROM team_members tm JOIN users u ON u.id = tm.user_id
          WHERE tm.team_id = $1`,
          [team.id],
        );
      // Size and account status both name `members`: one message lists every member problem.
      const memberProblems: string[] = [];
      if (members.length < hackathon.minTeamSize || members.length > hackathon.maxTeamSize) {
        memberProblems.push(
          `a team has ${hackathon.minTeamSize} to ${hackathon.maxTeamSize} members (this one has ${members.length})`,
        );
      }
      const inactive = members.filter((u) => u.status !== AccountStatus.ACTIVE).length;
      if (inactive) memberProblems.push(`${inactive} member(s) are not active`);
      if (memberProblems.length) errors.add('members', memberProblems.join('; '));
      const now = this.clock.now();
      const missingConsent = members.filter(
        (u) => needsParentalConsent(u.birthYear, now) && !u.consent,
      ).length;
      errors.check(
        missingConsent === 0,
        'parentalConsent',
        `${missingConsent} member(s) under 15 lack a confirmed parental consent`,
      );
      errors.throwIfAny();

      if (team.status !== TeamStatus.VALIDATED) {
        const before = { status: team.status };
        team.status = TeamStatus.VALIDATED;
        await m.save(team);
        await this.audit.record(m, {
          hackathonId: team.hackathonId,
          actorId: viewer.id,
          action: 'team.validated',
          entityType: 'team',
          entityId: team.id,
          before,
          after: { status: team.status, members: members.length, mentorId: team.mentorId },
        });
      }
      return team;
    });
  }

  /**
   * Account erasure (any phase): the person leaves every team, captaincy passes on, a team left
   * empty is WITHDRAWN; the team's submission stays. After BUILDING a VALIDATED team keeps its
   * status: it can no longer be re-validated, and its members should not lose their judging.
   */
  async leaveAllTeams(m: EntityManager, user: UserEntity): Promise<void> {
    const rows: { team_id: string }[] = await m.query(
      `SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id`,
      [user.id],
    );
    for (const { team_id } of rows) {
      const team = await this.lockTeam(m, team_id);
      const hackathon = await this.hackathonOf(m, team);
      await this.removeMembership(m, team, user.id, OPEN_TEAM_PHASES.includes(hackathon.phase));
    }
  }

  /** Removes one member; hands the captaincy to the longest-standing member; empty → WITHDRAWN. */
  private async removeMembership(
    m: EntityManager,
    team: TeamEntity,
    userId: string,
    revertValidation: boolean,
  ): Promise<void> {
    // TypeORM answers a DELETE with [rows, rowCount].
    const [removed]: [{ captain: boolean }[], number] = await m.query(
      `DELETE FROM team_members WHERE team_id = $1 AND user_id = $2 RETURNING captain`,
      [team.id, userId],
    );
    const wasCaptain = removed[0]?.captain ?? false;
    const [next]: { user_id: string }[] = await m.query(
      `SELECT user_id FROM team_members WHERE team_id = $1 ORDER BY joined_at, user_id LIMIT 1`,
      [team.id],
    );
    if (!next) {
      await this.setStatus(m, team, TeamStatus.WITHDRAWN);
      return;
    }
    if (wasCaptain) {
      await m.query(`UPDATE team_members SET captain = true WHERE team_id = $1 AND user_id = $2`, [
        team.id,
        next.user_id,
      ]);
    }
    if (revertValidation) await this.membershipChanged(m, team);
  }

  /** A validated team whose membership changes must be validated again. */
  private async membershipChanged(m: EntityManager, team: TeamEntity): Promise<void> {
    if (team.status === TeamStatus.VALIDATED) await this.setStatus(m, team, TeamStatus.FORMING);
  }

  private async setStatus(m: EntityManager, team: TeamEntity, status: TeamStatus): Promise<void> {
    if (team.status === status) return;
    team.status = status;
    await m.query(`UPDATE teams SET status = $2, updated_at = now() WHERE id = $1`, [
      team.id,
      status,
    ]);
  }

  private isMentor(viewer: Viewer, team: TeamEntity): boolean {
    return viewer.active && !!team.mentorId && team.mentorId === viewer.id;
  }

  private async lockTeam(m: EntityManager, teamId: string): Promise<TeamEntity> {
    const team = await m
      .getRepository(TeamEntity)
      .findOne({ where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw notFound('Team');
    return team;
  }

  private membersOf(m: EntityManager, teamId: string): Promise<TeamMemberEntity[]> {
    return m
      .getRepository(TeamMemberEntity)
      .find({ where: { teamId }, order: { joinedAt: 'ASC', userId: 'ASC' } });
  }

  private hackathonOf(m: EntityManager, team: TeamEntity): Promise<HackathonEntity> {
    return m.getRepository(HackathonEntity).findOneByOrFail({ id: team.hackathonId });
  }

  private async isInATeam(m: EntityManager, hackathonId: string, userId: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM team_members WHERE hackathon_id = $1 AND user_id = $2`,
      [hackathonId, userId],
    );
    return rows.length > 0;
  }
}
