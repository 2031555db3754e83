// Signing in and out, and turning a bearer token into a Viewer.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rateLimited, unauthenticated } from '../common/errors';
import { UserEntity } from '../accounts/user.entity';
import { EntityColumns, queryPrepared, Statement } from '../database/prepared';
import { LiveSessionsService } from './live-sessions.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { TokenPair, TokensService } from './tokens.service';
import { Viewer } from './viewer';

const INVALID_CREDENTIALS = 'Invalid login or password';

@Injectable()
export class AuthService {
  /** Every authenticated request reads its user: one prepared statement, no query building. */
  private viewerRead?: { columns: EntityColumns<UserEntity>; statement: Statement };
  private loginRead?: { columns: EntityColumns<UserEntity>; statement: Statement };

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly liveSessions: LiveSessionsService,
  ) {}

  private userById(id: string): Promise<UserEntity | null> {
    if (!this.viewerRead) {
      const columns = new EntityColumns(this.dataSource, UserEntity, 'u');
      this.viewerRead = {
        columns,
        statement: {
          name: 'auth.viewer',
          text: `SELECT ${columns.select} FROM users u WHERE u.id = $1`,
        },
      };
    }
    const { columns, statement } = this.viewerRead;
    return queryPrepared<Record<string, unknown>>(this.dataSource, statement, [id]).then(([row]) =>
      row ? columns.fromRow(row) : null,
    );
  }

  /** The user behind a token, reloaded so status and role changes apply at once. */
  async viewerFromToken(token: string | null | undefined): Promise<Viewer> {
    if (!token) return Viewer.anonymous();
    const claims = this.tokens.verifyAccessToken(token);
    const user = await this.userById(claims.sub);
    if (!user || user.deletedAt || user.sessionVersion !== claims.sv) {
      throw unauthenticated('Session closed: sign in again');
    }
    return new Viewer(user);
  }

  private async findByLogin(login: string): Promise<UserEntity | null> {
    this.loginRead ??= (() => {
      const columns = new EntityColumns(this.dataSource, UserEntity, 'u');
      const text = `SELECT ${columns.select} FROM users u
                     WHERE u.deleted_at IS NULL AND (lower(u.email) = lower($1) OR lower(u.login) = lower($1))`;
      return { columns, statement: { name: 'auth.byLogin', text } };
    })();
    const { columns, statement } = this.loginRead;
    const [row] = await queryPrepared<Record<string, unknown>>(this.dataSource, statement, [
      login.trim(),
    ]);
    return row ? columns.fromRow(row) : null;
  }

  /** Same answer for an unknown login and a wrong password; counted per login. */
  async login(login: string, password: string): Promise<{ user: UserEntity; pair: TokenPair }> {
    // No transaction around the check: argon2 holds no database connection while it hashes.
    const outcome = await this.throttle.attempt(login, async () => {
      const user = await this.findByLogin(login);
      const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
      if (!user || !ok) return null;
      return { user, pair: await this.tokens.issuePair(this.dataSource.manager, user) };
    });
    if (outcome.status === 'locked')
      throw rateLimited('Too many failed attempts for this login: try again later');
    if (outcome.status === 'invalid') throw unauthenticated(INVALID_CREDENTIALS);
    return outcome.value;
  }

  refresh(refreshToken: string): Promise<{ user: UserEntity; pair: TokenPair }> {
    return this.tokens.rotate(refreshToken, (m, id) =>
      m.getRepository(UserEntity).findOneBy({ id }),
    );
  }

  logout(refreshToken: string): Promise<boolean> {
    return this.tokens.revoke(refreshToken);
  }

  /** "Log out everywhere" for the caller. */
  async endAllSessions(userId: string): Promise<void> {
    await this.dataSource.transaction((m) => this.logoutEverywhere(m, userId));
    await this.sessionsEnded([userId]);
  }

  /**
   * Closes the users' live websocket connections on every instance. Call it once the transaction
   * that ran logoutEverywhere has committed (a reconnection before the commit would still pass).
   */
  sessionsEnded(userIds: string[]): Promise<void> {
    return this.liveSessions.announceEnded(userIds);
  }

  /**
   * Kills every session of the user at once: access tokens through the version, refresh tokens by
   * deletion. Live websockets close through sessionsEnded after the commit.
   */
  async logoutEverywhere(m: EntityManager, userId: string): Promise<void> {
    await m.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [userId]);
    await this.tokens.revokeAllOf(m, userId);
  }
}
