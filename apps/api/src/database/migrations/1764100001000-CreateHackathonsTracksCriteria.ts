import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHackathonsTracksCriteria1764100001000 implements MigrationInterface {
  name = 'CreateHackathonsTracksCriteria1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hackathons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(60) NOT NULL CONSTRAINT hackathons_slug_key UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,60}$'),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        phase varchar(16) NOT NULL DEFAULT 'DRAFT'
          CHECK (phase IN ('DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS', 'ARCHIVED')),
        registration_closes_at timestamptz NOT NULL,
        submission_deadline timestamptz NOT NULL,
        min_team_size integer NOT NULL,
        max_team_size integer NOT NULL,
        archived_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hackathons_deadlines_order CHECK (registration_closes_at <= submission_deadline),
        CONSTRAINT hackathons_team_sizes CHECK (1 <= min_team_size AND min_team_size <= max_team_size AND max_team_size <= 10)
      )`);
    await q.query(`
      CREATE TABLE tracks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        name varchar(80) NOT NULL,
        description text NOT NULL,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX tracks_hackathon_name_key ON tracks (hackathon_id, lower(name))`);
    await q.query(`
      CREATE TABLE criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        name varchar(80) NOT NULL,
        description text NOT NULL,
        weight double precision NOT NULL CHECK (weight > 0 AND weight <= 1000),
        max_score integer NOT NULL CHECK (max_score BETWEEN 1 AND 100),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX criteria_hackathon_idx ON criteria (hackathon_id, position)`);
    await q.query(`
      CREATE TABLE announcements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX announcements_hackathon_idx ON announcements (hackathon_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE announcements, criteria, tracks, hackathons`);
  }
}
