// One-use invitation codes: the only way to become a juror or an organizer.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { passwordProblem } from '@ensemble/domain';
import { Clock } from '../common/clock';
import { randomCode, sha256Hex as sha256 } from '../common/random-code';
import { badInput, conflict, FieldErrorCollector, notFound } from '../common/errors';
import { Role } from '../graphql/enums';
import { TokenPair, TokensService } from '../auth/tokens.service';
import { Viewer } from '../auth/viewer';
import { SchoolEntity } from '../schools/school.entity';
import { AccountsService } from './accounts.service';
import { InvitationEntity } from './invitation.entity';
import { UserEntity } from './user.entity';

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Codes are typed by people: compare without dashes, spaces or case. */
const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  async create(viewer: Viewer, role: Role, email: string, schoolId: string | null | undefined): Promise<string> {
    const errors = new FieldErrorCollector();
    errors.check(role === Role.JUROR || role === Role.ORGANIZER, 'role', 'invitations are for JUROR or ORGANIZER');
    errors.check(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254, 'email', 'must be a valid email address');
    if (schoolId) {
      const school = await this.dataSource.getRepository(SchoolEntity).existsBy({ id: schoolId });
      errors.check(school, 'schoolId', 'no such school');
    }
    errors.throwIfAny();
    const raw = randomCode(16);
    await this.dataSource.getRepository(InvitationEntity).insert({
      codeHash: sha256(raw),
      role,
      email: email.trim(),
      schoolId: schoolId ?? null,
      createdBy: viewer.id,
      expiresAt: new Date(this.clock.now().getTime() + INVITATION_TTL_MS),
    });
    return raw.match(/.{4}/g)!.join('-');
  }

  async accept(code: string, password: string, firstName: string, lastName: string): Promise<{ user: UserEntity; pair: TokenPair }> {
    const errors = new FieldErrorCollector();
    const problem = passwordProblem(password);
    if (problem) errors.add('password', problem);
    errors.check(firstName.trim().length >= 1 && firstName.length <= 80, 'firstName', 'must be 1 to 80 characters');
    errors.check(lastName.trim().length >= 1 && lastName.length <= 80, 'lastName', 'must be 1 to 80 characters');
    errors.throwIfAny();
    return this.dataSource.transaction(async (m) => {
      const invitation = await m.getRepository(InvitationEntity).findOne({
        where: { codeHash: sha256(normalizeCode(code)) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw notFound('Invitation');
      if (invitation.acceptedAt) throw conflict('This invitation was already used');
      if (invitation.expiresAt <= this.clock.now()) throw badInput({ code: 'this invitation has expired' }, 'Invitation expired');
      const user = await this.accounts.createInvitedUser(m, {
        role: invitation.role,
        email: invitation.email,
        schoolId: invitation.schoolId,
        firstName,
        lastName,
        password,
      });
      invitation.acceptedAt = this.clock.now();
      invitation.acceptedBy = user.id;
      await m.save(invitation);
      return { user, pair: await this.tokens.issuePair(m, user) };
    });
  }
}
