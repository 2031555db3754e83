// Team factory: a team with members (first one captain) written straight to the database.
import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export type TeamStatusName = 'FORMING' | 'VALIDATED' | 'WITHDRAWN' | 'DISQUALIFIED';

export interface TeamOptions {
  hackathon: { id: string; trackIds: string[] };
  schoolId: string;
  /** User ids in joining order; the first one is the captain. */
  memberIds?: string[];
  name?: string;
  trackId?: string;
  status?: TeamStatusName;
  mentorId?: string | null;
  inviteCode?: string;
}

export interface TeamRow {
  id: string;
  name: string;
  inviteCode: string;
  hackathonId: string;
  schoolId: string;
  trackId: string;
}

let sequence = 0;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const randomInviteCode = () =>
  Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');

export async function createTeam(t: Pick<TestApp, 'db'>, options: TeamOptions): Promise<TeamRow> {
  const name = options.name ?? `Team ${Date.now().toString(36)}${(sequence++).toString(36)}`;
  const inviteCode = options.inviteCode ?? randomInviteCode();
  const trackId = options.trackId ?? options.hackathon.trackIds[0];
  const [{ id }] = await t.db.query(
    `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code, status, mentor_id)
     SELECT $1, $2, s.id, s.level, $4, $5, $6, $7 FROM schools s WHERE s.id = $3 RETURNING id`,
    [
      options.hackathon.id,
      trackId,
      options.schoolId,
      name,
      inviteCode,
      options.status ?? 'FORMING',
      options.mentorId ?? null,
    ],
  );
  const members = options.memberIds ?? [];
  // Joining order is explicit (one second apart, in the past) so "longest-standing" is deterministic.
  for (const [i, userId] of members.entries()) {
    await t.db.query(
      `INSERT INTO team_members (team_id, user_id, hackathon_id, captain, joined_at)
       VALUES ($1, $2, $3, $4, clock_timestamp() - make_interval(secs => $5))`,
      [id, userId, options.hackathon.id, i === 0, 3600 - i],
    );
  }
  return {
    id,
    name,
    inviteCode,
    hackathonId: options.hackathon.id,
    schoolId: options.schoolId,
    trackId,
  };
}

/** GraphQL documents of the teams feature, for tests. */
export const TEAM_OPS = {
  create: `mutation($input: TeamInput!) {
    createTeam(input: $input) {
      id name category status inviteCode
      school { id } track { id } hackathon { id } mentor { id }
      members { captain joinedAt user { id } }
    }
  }`,
  join: `mutation($code: String!) { joinTeam(inviteCode: $code) { id status members { captain user { id } } } }`,
  leave: `mutation($teamId: ID!) { leaveTeam(teamId: $teamId) }`,
  remove: `mutation($teamId: ID!, $userId: ID!) {
    removeTeamMember(teamId: $teamId, userId: $userId) { id status members { captain user { id } } }
  }`,
  mentor: `mutation($teamId: ID!) { mentorTeam(teamId: $teamId) { id status mentor { id } } }`,
  validate: `mutation($teamId: ID!) { validateTeam(teamId: $teamId) { id status } }`,
  team: `query($id: ID!) {
    team(id: $id) {
      id name inviteCode status
      members { captain user { id displayName firstName lastName email birthYear } }
      mentor { id displayName }
    }
  }`,
} as const;

/** Everything the teams feature writes, to assert that a refused call changed nothing. */
export async function teamsSnapshot(t: Pick<TestApp, 'db'>): Promise<string> {
  const teams = await t.db.query(
    `SELECT id, name, status, mentor_id, track_id, invite_code, updated_at FROM teams ORDER BY id`,
  );
  const members = await t.db.query(
    `SELECT team_id, user_id, captain, joined_at FROM team_members ORDER BY team_id, user_id`,
  );
  const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log`);
  return JSON.stringify({ teams, members, audit });
}

/** Members of a team, longest-standing first. */
export function teamMembers(
  t: Pick<TestApp, 'db'>,
  teamId: string,
): Promise<{ user_id: string; captain: boolean }[]> {
  return t.db.query(
    `SELECT user_id, captain FROM team_members WHERE team_id = $1 ORDER BY joined_at, user_id`,
    [teamId],
  );
}

export async function teamStatus(t: Pick<TestApp, 'db'>, teamId: string): Promise<string> {
  const [row] = await t.db.query(`SELECT status FROM teams WHERE id = $1`, [teamId]);
  return row.status;
}
