// Access tokens (JWT, 15 min) and rotating refresh tokens (30 days, families).
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { sha256Hex as sha256 } from '../common/random-code';
import { unauthenticated } from '../common/errors';
import { UserEntity } from '../accounts/user.entity';
import { queryPrepared, Statement } from '../database/prepared';
import { RefreshTokenEntity } from './refresh-token.entity';

export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
export const JWT_ISSUER = 'ensemble';
export const JWT_AUDIENCE = 'ensemble-api';

interface AccessPayload {
  sub: string;
  sv: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Verified tokens kept: a client's next requests skip jsonwebtoken (≈ 3 % of a GraphQL request's CPU). */
const VERIFIED_CACHE_SIZE = 10_000;

/** Every sign-in writes one: a prepared statement (TypeORM's insert() builds its SQL each time). */
const INSERT_REFRESH_TOKEN: Statement = {
  name: 'tokens.insertRefresh',
  text: `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
};

@Injectable()
export class TokensService {
  /** Token → its claims, once signature, algorithm, iss and aud were checked; exp is checked on every use. */
  private readonly verified = new LRUCache<string, AccessPayload & { exp: number }>({
    max: VERIFIED_CACHE_SIZE,
  });

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  signAccessToken(user: UserEntity): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const payload = { sub: user.id, sv: user.sessionVersion, iat, exp: iat + ACCESS_TOKEN_TTL_S };
    return this.jwt.sign(payload, {
      algorithm: 'HS256',
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
  }

  /** Checks signature, algorithm, exp, iss and aud; returns the claims or throws UNAUTHENTICATED. */
  verifyAccessToken(token: string): AccessPayload {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    if (known) {
      // Same rule as jsonwebtoken: expired once now >= exp.
      if (now < known.exp) return known;
      this.verified.delete(token);
    }
    let payload: AccessPayload & { exp: number };
    try {
      payload = this.jwt.verify<AccessPayload & { exp: number }>(token, {
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        clockTimestamp: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sv !== 'number')
        throw new Error('claims');
    } catch {
      throw unauthenticated('Invalid or expired access token');
    }
    if (typeof payload.exp === 'number') this.verified.set(token, Object.freeze(payload));
    return payload;
  }

  /** Issues a refresh token in `familyId` (a new family when omitted). */
  async issueRefreshToken(
    manager: EntityManager,
    userId: string,
    familyId: string = randomUUID(),
  ): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await queryPrepared(manager, INSERT_REFRESH_TOKEN, [
      id,
      userId,
      familyId,
      sha256(secret),
      new Date(this.clock.now().getTime() + REFRESH_TOKEN_TTL_MS),
    ]);
    return `${id}.${secret}`;
  }

  async issuePair(manager: EntityManager, user: UserEntity, familyId?: string): Promise<TokenPair> {
    return {
      accessToken: this.signAccessToken(user),
      refreshToken: await this.issueRefreshToken(manager, user.id, familyId),
    };
  }

  private parse(token: string): { id: string; secret: string } | null {
    const [id, secret, ...rest] = token.split('.');
    if (rest.length || !id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { id, secret };
  }

  private matches(row: RefreshTokenEntity, secret: string): boolean {
    const a = Buffer.from(row.tokenHash, 'hex');
    const b = Buffer.from(sha256(secret), 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * Rotation: the presented token is revoked and a new pair is returned in the same family.
   * Presenting an already revoked token means it leaked: the whole family is revoked.
   */
  async rotate(
    token: string,
    loadUser: (m: EntityManager, id: string) => Promise<UserEntity | null>,
  ): Promise<{ user: UserEntity; pair: TokenPair }> {
    const parsed = this.parse(token);
    if (!parsed) throw unauthenticated('Invalid refresh token');
    let reused = false;
    const result = await this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: parsed.id })
        .getOne();
      if (!row || !this.matches(row, parsed.secret)) return null;
      const now = this.clock.now();
      if (row.revokedAt) {
        await m.query(
          'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
          [row.familyId, now],
        );
        reused = true;
        return null;
      }
      if (row.expiresAt <= now) return null;
      const user = await loadUser(m, row.userId);
      if (!user || user.deletedAt) return null;
      await m.update(RefreshTokenEntity, { id: row.id }, { revokedAt: now });
      return { user, pair: await this.issuePair(m, user, row.familyId) };
    });
    if (!result) {
      throw unauthenticated(
        reused ? 'Refresh token reused: the session was closed' : 'Invalid refresh token',
      );
    }
    return result;
  }

  /** Logout: closes the session the token belongs to. */
  async revoke(token: string): Promise<boolean> {
    const parsed = this.parse(token);
    if (!parsed) return false;
    const row = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOneBy({ id: parsed.id });
    if (!row || !this.matches(row, parsed.secret)) return false;
    await this.dataSource.query(
      'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
      [row.familyId, this.clock.now()],
    );
    return true;
  }

  async revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM refresh_tokens WHERE user_id = $1', [userId]);
  }
}
