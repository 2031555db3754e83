import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One row per issued refresh token; tokens of one login session share a family. */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'uuid', name: 'family_id' })
  familyId: string;

  /** SHA-256 of the token's secret part; the secret itself is never stored. */
  @Column({ type: 'char', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
