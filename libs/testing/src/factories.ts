// Data factories: rows written straight to the database so tests start from the state they need.
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as argon2 from 'argon2';
import { foldText } from '@ensemble/domain';
import { TokensService } from '../../../apps/api/src/auth/tokens.service';
import { UserEntity } from '../../../apps/api/src/accounts/user.entity';
import { GraphQLClient } from './graphql-client';

export const TEST_PASSWORD = 'Correct-Horse-Battery-42';
let passwordHash: Promise<string> | undefined;
const hashOnce = () =>
  (passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }));

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}${randomBytes(2).toString('hex')}`;

export type RoleName = 'PUPIL' | 'TEACHER' | 'JUROR' | 'ORGANIZER';
export type StatusName = 'PENDING' | 'ACTIVE' | 'SUSPENDED';

export interface SchoolRow {
  id: string;
  uai: string;
  name: string;
  city: string;
  department: string;
  level: 'COLLEGE' | 'LYCEE';
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: RoleName;
  schoolId: string | null;
  token: string;
  /** A GraphQL client signed in as this user. */
  client: GraphQLClient;
}

export interface UserOptions {
  role?: RoleName;
  status?: StatusName;
  schoolId?: string | null;
  firstName?: string;
  lastName?: string;
  birthYear?: number | null;
  parentalConsentConfirmed?: boolean;
  email?: string;
}

export class Factories {
  constructor(
    private readonly app: INestApplication,
    private readonly db: DataSource,
    private readonly client: GraphQLClient,
  ) {}

  async school(overrides: Partial<Omit<SchoolRow, 'id'>> = {}): Promise<SchoolRow> {
    const uai = overrides.uai ?? `${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}${'ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(Math.random() * 23)]}`;
    const row = {
      uai,
      name: overrides.name ?? `Collège ${unique()}`,
      city: overrides.city ?? 'Marseille',
      department: overrides.department ?? '13',
      level: overrides.level ?? 'COLLEGE',
    };
    const [{ id }] = await this.db.query(
      `INSERT INTO schools (uai, name, city, department, level, search_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [row.uai, row.name, row.city, row.department, row.level, foldText(`${row.name} ${row.city} ${row.uai}`)],
    );
    return { id, ...row };
  }

  async user(options: UserOptions = {}): Promise<TestUser> {
    const role = options.role ?? 'PUPIL';
    const email = options.email ?? `${role.toLowerCase()}-${unique()}@test.ensemble.fr`;
    const birthYear = options.birthYear !== undefined ? options.birthYear : role === 'PUPIL' ? new Date().getUTCFullYear() - 16 : null;
    const [{ id }] = await this.db.query(
      `INSERT INTO users (role, status, email, password_hash, first_name, last_name, birth_year, parental_consent_confirmed, school_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        role,
        options.status ?? 'ACTIVE',
        email,
        await hashOnce(),
        options.firstName ?? 'Camille',
        options.lastName ?? 'Durand',
        birthYear,
        options.parentalConsentConfirmed ?? false,
        options.schoolId ?? null,
      ],
    );
    const token = await this.tokenFor(id);
    return { id, email, password: TEST_PASSWORD, role, schoolId: options.schoolId ?? null, token, client: this.client.as(token) };
  }

  /** A fresh access token for an existing user (reads the current session version). */
  async tokenFor(userId: string): Promise<string> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return this.app.get(TokensService).signAccessToken(user);
  }

  organizer(options: UserOptions = {}) {
    return this.user({ ...options, role: 'ORGANIZER', schoolId: null });
  }
  teacher(schoolId: string, options: UserOptions = {}) {
    return this.user({ ...options, role: 'TEACHER', schoolId });
  }
  pupil(schoolId: string, options: UserOptions = {}) {
    return this.user({ ...options, role: 'PUPIL', schoolId });
  }
  juror(options: UserOptions = {}) {
    return this.user({ ...options, role: 'JUROR' });
  }

  /** Counts rows of a table, optionally filtered (for "nothing changed" assertions). */
  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params);
    return n;
  }
}
