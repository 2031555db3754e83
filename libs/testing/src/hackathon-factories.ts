// Hackathon factory: inserts a hackathon (any phase) with tracks and criteria straight into the database.
import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export type PhaseName = 'DRAFT' | 'REGISTRATION' | 'BUILDING' | 'JUDGING' | 'RESULTS' | 'ARCHIVED';

const DAY = 24 * 60 * 60 * 1000;

export interface HackathonOptions {
  /** Defaults to REGISTRATION (the phase most tests start from). */
  phase?: PhaseName;
  slug?: string;
  title?: string;
  description?: string;
  /** Defaults to the test clock + 7 days. */
  registrationClosesAt?: Date | string;
  /** Defaults to the test clock + 14 days. */
  submissionDeadline?: Date | string;
  /** Defaults to 1. */
  minTeamSize?: number;
  /** Defaults to 4. */
  maxTeamSize?: number;
  /** Number of tracks ("Track 1", "Track 2"…), or their names. Defaults to 2. */
  tracks?: number | string[];
  /** Criteria in position order. Defaults to two criteria (weight 1/max 10, weight 2/max 20). */
  criteria?: { weight?: number; maxScore?: number; name?: string }[];
  /** The organizer recorded as creator (created_by); null by default. */
  createdBy?: string | null;
}

export interface CriterionRow {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
  position: number;
}

export interface HackathonRow {
  id: string;
  slug: string;
  title: string;
  phase: PhaseName;
  registrationClosesAt: Date;
  submissionDeadline: Date;
  minTeamSize: number;
  maxTeamSize: number;
  /** Track ids in position order. */
  trackIds: string[];
  /** Criterion ids in position order. */
  criterionIds: string[];
  criteria: CriterionRow[];
}

let sequence = 0;

export async function createHackathon(
  t: Pick<TestApp, 'db' | 'clock'>,
  options: HackathonOptions = {},
): Promise<HackathonRow> {
  const now = t.clock.now().getTime();
  const phase = options.phase ?? 'REGISTRATION';
  const slug =
    options.slug ??
    `hack-${Date.now().toString(36)}-${(sequence++).toString(36)}-${randomBytes(3).toString('hex')}`;
  const title = options.title ?? `Hackathon ${slug}`;
  const registrationClosesAt = new Date(options.registrationClosesAt ?? now + 7 * DAY);
  const submissionDeadline = new Date(options.submissionDeadline ?? now + 14 * DAY);
  const minTeamSize = options.minTeamSize ?? 1;
  const maxTeamSize = options.maxTeamSize ?? 4;
  const [{ id }] = await t.db.query(
    `INSERT INTO hackathons (slug, title, description, phase, registration_closes_at, submission_deadline,
                             min_team_size, max_team_size, archived_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      slug,
      title,
      options.description ?? 'Un hackathon contre le harcèlement.',
      phase,
      registrationClosesAt,
      submissionDeadline,
      minTeamSize,
      maxTeamSize,
      phase === 'ARCHIVED' ? new Date(now) : null,
      options.createdBy ?? null,
    ],
  );

  const trackNames = Array.isArray(options.tracks)
    ? options.tracks
    : Array.from({ length: options.tracks ?? 2 }, (_, i) => `Track ${i + 1}`);
  const trackIds: string[] = [];
  for (const [position, name] of trackNames.entries()) {
    const [row] = await t.db.query(
      `INSERT INTO tracks (hackathon_id, name, description, position) VALUES ($1, $2, $3, $4) RETURNING id`,
      [id, name, `About ${name}`, position],
    );
    trackIds.push(row.id);
  }

  const criteriaSpecs = options.criteria ?? [
    { weight: 1, maxScore: 10 },
    { weight: 2, maxScore: 20 },
  ];
  const criteria: CriterionRow[] = [];
  for (const [position, spec] of criteriaSpecs.entries()) {
    const name = spec.name ?? `Criterion ${position + 1}`;
    const weight = spec.weight ?? 1;
    const maxScore = spec.maxScore ?? 10;
    const [row] = await t.db.query(
      `INSERT INTO criteria (hackathon_id, name, description, weight, max_score, position)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [id, name, `About ${name}`, weight, maxScore, position],
    );
    criteria.push({ id: row.id, name, weight, maxScore, position });
  }

  return {
    id,
    slug,
    title,
    phase,
    registrationClosesAt,
    submissionDeadline,
    minTeamSize,
    maxTeamSize,
    trackIds,
    criterionIds: criteria.map((c) => c.id),
    criteria,
  };
}
