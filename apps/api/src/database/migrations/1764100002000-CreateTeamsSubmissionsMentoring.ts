import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTeamsSubmissionsMentoring1764100002000 implements MigrationInterface {
  name = 'CreateTeamsSubmissionsMentoring1764100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        track_id uuid NOT NULL REFERENCES tracks (id),
        school_id uuid NOT NULL REFERENCES schools (id),
        category varchar(10) NOT NULL CHECK (category IN ('COLLEGE', 'LYCEE')),
        name varchar(40) NOT NULL,
        invite_code varchar(16) NOT NULL CONSTRAINT teams_invite_code_key UNIQUE,
        status varchar(16) NOT NULL DEFAULT 'FORMING'
          CHECK (status IN ('FORMING', 'VALIDATED', 'WITHDRAWN', 'DISQUALIFIED')),
        mentor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX teams_hackathon_name_key ON teams (hackathon_id, lower(name))`);
    await q.query(`CREATE INDEX teams_hackathon_idx ON teams (hackathon_id, name, id)`);
    await q.query(`CREATE INDEX teams_school_idx ON teams (school_id, hackathon_id)`);
    await q.query(`CREATE INDEX teams_mentor_idx ON teams (mentor_id)`);

    // hackathon_id is copied here so "one team per pupil per hackathon" is a plain unique key.
    await q.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        captain boolean NOT NULL DEFAULT false,
        joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (team_id, user_id),
        CONSTRAINT team_members_one_team_per_hackathon UNIQUE (hackathon_id, user_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX team_members_one_captain ON team_members (team_id) WHERE captain`);
    await q.query(`CREATE INDEX team_members_user_idx ON team_members (user_id)`);

    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL CONSTRAINT submissions_team_key UNIQUE REFERENCES teams (id) ON DELETE CASCADE,
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        title varchar(120) NOT NULL,
        summary varchar(500) NOT NULL,
        description text NOT NULL CHECK (char_length(description) <= 20000),
        repository_url varchar(500),
        demo_url varchar(500),
        video_url varchar(500),
        status varchar(12) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX submissions_hackathon_idx ON submissions (hackathon_id, status)`);
    await q.query(`
      CREATE TABLE submission_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        version integer NOT NULL,
        title varchar(120) NOT NULL,
        summary varchar(500) NOT NULL,
        description text NOT NULL,
        repository_url varchar(500),
        demo_url varchar(500),
        video_url varchar(500),
        saved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT submission_versions_key UNIQUE (submission_id, version)
      )`);
    await q.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX feedback_submission_idx ON feedback (submission_id, created_at)`);
    await q.query(`
      CREATE TABLE help_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        school_id uuid NOT NULL REFERENCES schools (id),
        topic varchar(200) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLAIMED', 'RESOLVED')),
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        claimed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        claimed_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX help_requests_hackathon_idx ON help_requests (hackathon_id, status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE help_requests, feedback, submission_versions, submissions, team_members, teams`,
    );
  }
}
