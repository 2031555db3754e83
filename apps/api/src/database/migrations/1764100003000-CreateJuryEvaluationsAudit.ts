import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJuryEvaluationsAudit1764100003000 implements MigrationInterface {
  name = 'CreateJuryEvaluationsAudit1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jury_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        juror_id uuid NOT NULL REFERENCES users (id),
        status varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'RECUSED')),
        recusal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jury_assignments_submission_juror_key UNIQUE (submission_id, juror_id)
      )`);
    await q.query(`CREATE INDEX jury_assignments_juror_idx ON jury_assignments (juror_id, hackathon_id)`);
    await q.query(`CREATE INDEX jury_assignments_hackathon_idx ON jury_assignments (hackathon_id, status)`);

    await q.query(`
      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL CONSTRAINT evaluations_assignment_key UNIQUE REFERENCES jury_assignments (id) ON DELETE CASCADE,
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        juror_id uuid NOT NULL REFERENCES users (id),
        comment text NOT NULL CHECK (char_length(comment) <= 5000),
        weighted_score double precision NOT NULL CHECK (weighted_score >= 0 AND weighted_score <= 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluations_hackathon_idx ON evaluations (hackathon_id, juror_id)`);
    await q.query(`CREATE INDEX evaluations_team_idx ON evaluations (team_id)`);

    // max_score is copied from the criterion so the range is a CHECK the database enforces.
    await q.query(`
      CREATE TABLE criterion_scores (
        evaluation_id uuid NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
        value integer NOT NULL,
        max_score integer NOT NULL,
        PRIMARY KEY (evaluation_id, criterion_id),
        CONSTRAINT criterion_scores_range CHECK (value >= 0 AND value <= max_score)
      )`);

    // Append-only: no UPDATE, no DELETE.
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        hackathon_id uuid REFERENCES hackathons (id) ON DELETE SET NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        entity_type varchar(32) NOT NULL,
        entity_id uuid,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_hackathon_idx ON audit_log (hackathon_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log, criterion_scores, evaluations, jury_assignments`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
  }
}
