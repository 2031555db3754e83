// Use cases of people and accounts: sign-up, validation, bulk pupil accounts, deletion.
import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { loginStem, needsParentalConsent, passwordProblem } from '@ensemble/domain';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { randomCode, UNAMBIGUOUS_MIXED } from '../common/random-code';
import { Clock } from '../common/clock';
import { badInput, conflict, FieldErrorCollector, forbidden, notFound } from '../common/errors';
import { AccountStatus, Role } from '../graphql/enums';
import { LoaderRegistry, orderBy } from '../graphql/gql-context';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { PasswordService } from '../auth/password.service';
import { TokenPair, TokensService } from '../auth/tokens.service';
import { Viewer } from '../auth/viewer';
import { SchoolEntity } from '../schools/school.entity';
import { AccountErasureHooks } from './account-erasure.hooks';
import { PupilAccountInput } from './dto/pupil-account.input';
import { RegisterInput } from './dto/register.input';
import { UserEntity } from './user.entity';
import { EntityColumns, readByKeys } from '../database/prepared';

export const MAX_BULK_PUPILS = 200;
const PUPIL_MIN_AGE = 10;
const PUPIL_MAX_AGE = 20;

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly erasure: AccountErasureHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, UserEntity | null>('user.byId', async (ids) =>
      orderBy(ids, await readByKeys(this.users, 'id', ids), (u) => u.id),
    );
  }

  private userJson?: EntityColumns<UserEntity>;

  /**
   * Entities another feature read each with its user, as (`row_to_json` of the entity, of the user
   * or null) pairs: the users go in the request's user loader, so the fields that ask for them next
   * cost no round trip.
   */
  withUsersPrimed<T extends object>(
    loaders: LoaderRegistry,
    entity: EntityColumns<T>,
    pairs: [Record<string, unknown>, Record<string, unknown> | null][],
  ): T[] {
    const userJson = (this.userJson ??= new EntityColumns(this.dataSource, UserEntity, 'u'));
    const users = this.loader(loaders);
    return pairs.map(([e, u]) => {
      if (u) {
        const user = userJson.fromJson(u);
        users.prime(user.id, user);
      }
      return entity.fromJson(e);
    });
  }

  private checkBirthYear(errors: FieldErrorCollector, field: string, birthYear: number | null | undefined): void {
    if (birthYear == null) {
      errors.add(field, 'is required for pupils');
      return;
    }
    const age = this.clock.now().getUTCFullYear() - birthYear;
    errors.check(
      age >= PUPIL_MIN_AGE && age <= PUPIL_MAX_AGE,
      field,
      `pupils are ${PUPIL_MIN_AGE} to ${PUPIL_MAX_AGE} years old`,
    );
  }

  async register(input: RegisterInput): Promise<{ user: UserEntity; pair: TokenPair }> {
    const errors = new FieldErrorCollector();
    errors.check(input.role === Role.PUPIL || input.role === Role.TEACHER, 'role', 'must be PUPIL or TEACHER; jurors and organizers are invited');
    const problem = passwordProblem(input.password);
    if (problem) errors.add('password', problem);
    errors.check(input.firstName.trim().length > 0, 'firstName', 'is required');
    errors.check(input.lastName.trim().length > 0, 'lastName', 'is required');
    if (input.role === Role.PUPIL) this.checkBirthYear(errors, 'birthYear', input.birthYear);
    const school = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: input.schoolId });
    errors.check(!!school, 'schoolId', 'no such school');
    errors.throwIfAny();

    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const user = await m.save(
          m.create(UserEntity, {
            role: input.role,
            status: AccountStatus.PENDING,
            email: input.email.trim(),
            passwordHash,
            firstName: input.firstName.trim(),
            lastName: input.lastName.trim(),
            birthYear: input.role === Role.PUPIL ? input.birthYear : null,
            schoolId: input.schoolId,
          }),
        );
        return { user, pair: await this.tokens.issuePair(m, user) };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_key')) throw conflict('An account already uses this email');
      throw err;
    }
  }

  /** Creates an ACTIVE account from an accepted invitation (used by InvitationsService). */
  async createInvitedUser(
    m: EntityManager,
    data: { role: Role; email: string | null; schoolId: string | null; firstName: string; lastName: string; password: string },
  ): Promise<UserEntity> {
    const passwordHash = await this.passwords.hash(data.password);
    try {
      return await m.save(
        m.create(UserEntity, {
          role: data.role,
          status: AccountStatus.ACTIVE,
          email: data.email,
          passwordHash,
          firstName: data.firstName.trim(),
          lastName: data.lastName.trim(),
          schoolId: data.schoolId,
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_key')) throw conflict('An account already uses this email');
      throw err;
    }
  }

  private temporaryPassword(): string {
    const out = randomCode(12, UNAMBIGUOUS_MIXED);
    return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
  }

  async createPupilAccounts(
    teacher: UserEntity,
    pupils: PupilAccountInput[],
  ): Promise<{ user: UserEntity; login: string; temporaryPassword: string }[]> {
    if (!teacher.schoolId) throw forbidden('Only teachers of a school create pupil accounts');
    const errors = new FieldErrorCollector();
    errors.check(pupils.length >= 1 && pupils.length <= MAX_BULK_PUPILS, 'pupils', `give 1 to ${MAX_BULK_PUPILS} pupils`);
    pupils.forEach((p, i) => {
      errors.check(p.firstName.trim().length > 0, `pupils.${i}.firstName`, 'is required');
      errors.check(p.lastName.trim().length > 0, `pupils.${i}.lastName`, 'is required');
      this.checkBirthYear(errors, `pupils.${i}.birthYear`, p.birthYear);
    });
    errors.throwIfAny();

    const now = this.clock.now();
    const prepared = await Promise.all(
      pupils.map(async (p) => {
        const temporaryPassword = this.temporaryPassword();
        return { p, temporaryPassword, hash: await this.passwords.hash(temporaryPassword) };
      }),
    );
    return this.dataSource.transaction(async (m) => {
      const created: { user: UserEntity; login: string; temporaryPassword: string }[] = [];
      for (const { p, temporaryPassword, hash } of prepared) {
        const login = await this.freeLogin(m, loginStem(p.firstName, p.lastName));
        const user = await m.save(
          m.create(UserEntity, {
            role: Role.PUPIL,
            status: AccountStatus.ACTIVE,
            login,
            passwordHash: hash,
            firstName: p.firstName.trim(),
            lastName: p.lastName.trim(),
            birthYear: p.birthYear,
            parentalConsentConfirmed: p.parentalConsentConfirmed,
            consentConfirmedBy: p.parentalConsentConfirmed ? teacher.id : null,
            consentConfirmedAt: p.parentalConsentConfirmed ? now : null,
            schoolId: teacher.schoolId,
          }),
        );
        created.push({ user, login, temporaryPassword });
      }
      await this.audit.record(m, {
        actorId: teacher.id,
        action: 'pupils.created',
        entityType: 'school',
        entityId: teacher.schoolId,
        after: { userIds: created.map((c) => c.user.id) },
      });
      return created;
    });
  }

  private async freeLogin(m: EntityManager, stem: string): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = `${stem}${randomInt(1000, 10000)}`;
      const taken = await m.query('SELECT 1 FROM users WHERE lower(login) = $1', [candidate]);
      if (taken.length === 0) return candidate;
    }
    return `${stem}${randomInt(100000, 1000000)}`;
  }

  async validatePupil(viewer: Viewer, userId: string, consent: boolean): Promise<UserEntity> {
    const teacher = viewer.user!;
    return this.dataSource.transaction(async (m) => {
      const pupil = await m.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!pupil || pupil.deletedAt || pupil.role !== Role.PUPIL) throw notFound('Pupil');
      if (!viewer.isTeacherOf(pupil.schoolId)) throw forbidden('Only a teacher of the pupil’s school can validate them');
      if (pupil.status === AccountStatus.SUSPENDED) throw forbidden('This account is suspended');
      const now = this.clock.now();
      if (needsParentalConsent(pupil.birthYear, now) && !consent && !pupil.parentalConsentConfirmed) {
        throw badInput(
          { parentalConsentConfirmed: 'pupils under 15 need a parent’s consent, confirmed by the teacher' },
          'Parental consent is required for pupils under 15',
        );
      }
      const before = { status: pupil.status, parentalConsentConfirmed: pupil.parentalConsentConfirmed };
      pupil.status = AccountStatus.ACTIVE;
      if (consent && !pupil.parentalConsentConfirmed) {
        pupil.parentalConsentConfirmed = true;
        pupil.consentConfirmedBy = teacher.id;
        pupil.consentConfirmedAt = now;
      }
      await m.save(pupil);
      await this.audit.record(m, {
        actorId: teacher.id,
        action: 'pupil.validated',
        entityType: 'user',
        entityId: pupil.id,
        before,
        after: { status: pupil.status, parentalConsentConfirmed: pupil.parentalConsentConfirmed },
      });
      return pupil;
    });
  }

  async validateTeacher(viewer: Viewer, userId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (m) => {
      const teacher = await m.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!teacher || teacher.deletedAt) throw notFound('User');
      if (teacher.role !== Role.TEACHER) throw badInput({ userId: 'is not a teacher' });
      const before = { status: teacher.status };
      teacher.status = AccountStatus.ACTIVE;
      await m.save(teacher);
      await this.audit.record(m, {
        actorId: viewer.id,
        action: 'teacher.validated',
        entityType: 'user',
        entityId: teacher.id,
        before,
        after: { status: teacher.status },
      });
      return teacher;
    });
  }

  /** Organizers suspend an account: its live tokens stop working at once. */
  async suspendUser(viewer: Viewer, userId: string): Promise<UserEntity> {
    if (viewer.id === userId) throw badInput({ userId: 'you cannot suspend yourself' });
    const suspended = await this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.deletedAt) throw notFound('User');
      const before = { status: user.status };
      user.status = AccountStatus.SUSPENDED;
      await m.save(user);
      await this.auth.logoutEverywhere(m, user.id);
      await this.audit.record(m, { actorId: viewer.id, action: 'user.suspended', entityType: 'user', entityId: user.id, before, after: { status: user.status } });
      return (await m.getRepository(UserEntity).findOneBy({ id: user.id }))!;
    });
    await this.auth.sessionsEnded([suspended.id]);
    return suspended;
  }

  pendingPupils(viewer: Viewer): Promise<UserEntity[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .where('u.role = :role', { role: Role.PUPIL })
      .andWhere('u.status = :status', { status: AccountStatus.PENDING })
      .andWhere('u.deleted_at IS NULL')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id')
      .limit(500);
    if (!viewer.isOrganizer) qb.andWhere('u.school_id = :school', { school: viewer.user!.schoolId });
    return qb.getMany();
  }

  /** Erases name, email, birth year and credentials at once; the row stays as "Compte supprimé". */
  async deleteMyAccount(viewer: Viewer, password: string): Promise<boolean> {
    const user = viewer.user!;
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw badInput({ password: 'wrong password' }, 'Wrong password');
    }
    await this.dataSource.transaction(async (m) => {
      const locked = await m.getRepository(UserEntity).findOne({ where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.deletedAt) return;
      await this.erasure.run(m, locked);
      await m.query(
        `UPDATE invitations SET email = NULL WHERE accepted_by = $1 OR (email IS NOT NULL AND lower(email) = lower($2))`,
        [locked.id, locked.email ?? ''],
      );
      await m.query(
        `UPDATE users SET email = NULL, login = NULL, password_hash = NULL, first_name = NULL, last_name = NULL,
           birth_year = NULL, parental_consent_confirmed = false, consent_confirmed_by = NULL, consent_confirmed_at = NULL,
           status = 'SUSPENDED', deleted_at = $2, updated_at = $2
         WHERE id = $1`,
        [locked.id, this.clock.now()],
      );
      await this.auth.logoutEverywhere(m, locked.id);
      await this.audit.record(m, { actorId: null, action: 'account.deleted', entityType: 'user', entityId: locked.id });
    });
    await this.auth.sessionsEnded([user.id]);
    return true;
  }

  /** The first organizer of a fresh install, from ENSEMBLE_ADMIN_EMAIL / ENSEMBLE_ADMIN_PASSWORD. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const problem = passwordProblem(adminPassword);
    if (problem) {
      this.logger.error(`ENSEMBLE_ADMIN_PASSWORD ${problem}: no organizer created`);
      return;
    }
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(7241)');
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM users WHERE role = 'ORGANIZER' AND deleted_at IS NULL`);
      if (n > 0) return;
      await m.save(
        m.create(UserEntity, {
          role: Role.ORGANIZER,
          status: AccountStatus.ACTIVE,
          email: adminEmail,
          passwordHash: await this.passwords.hash(adminPassword),
          firstName: 'Admin',
          lastName: 'Ensemble',
        }),
      );
      this.logger.log('Created the first organizer from ENSEMBLE_ADMIN_EMAIL');
    });
  }
}
