import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchoolsAndAccounts1764100000000 implements MigrationInterface {
  name = 'CreateSchoolsAndAccounts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uai varchar(8) NOT NULL CONSTRAINT schools_uai_key UNIQUE CONSTRAINT schools_uai_format CHECK (uai ~ '^[0-9]{7}[A-Z]$'),
        name varchar(200) NOT NULL,
        city varchar(120) NOT NULL,
        department varchar(3) NOT NULL,
        level varchar(10) NOT NULL CHECK (level IN ('COLLEGE', 'LYCEE')),
        search_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX schools_department_idx ON schools (department, name)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role varchar(12) NOT NULL CHECK (role IN ('PUPIL', 'TEACHER', 'JUROR', 'ORGANIZER')),
        status varchar(12) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
        email varchar(254),
        login varchar(64),
        password_hash text,
        first_name varchar(80),
        last_name varchar(80),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2200),
        parental_consent_confirmed boolean NOT NULL DEFAULT false,
        consent_confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        consent_confirmed_at timestamptz,
        school_id uuid REFERENCES schools (id),
        session_version integer NOT NULL DEFAULT 0,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX users_login_key ON users (lower(login)) WHERE login IS NOT NULL`);
    await q.query(`CREATE INDEX users_school_status_idx ON users (school_id, role, status)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code_hash char(64) NOT NULL CONSTRAINT invitations_code_key UNIQUE,
        role varchar(12) NOT NULL CHECK (role IN ('JUROR', 'ORGANIZER')),
        email varchar(254),
        school_id uuid REFERENCES schools (id),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Failed logins, keyed by a keyed hash of the login so no email is stored here.
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        login_key char(64) NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failures_key_idx ON login_failures (login_key, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures, invitations, refresh_tokens, users, schools`);
  }
}
