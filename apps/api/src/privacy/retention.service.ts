// Data retention: pupils' personal data is erased N months after the last hackathon they took part
// in was archived. Same erasure as deleteMyAccount (the row stays as "Compte supprimé" so archived
// teams, submissions and results keep their shape); memberships of archived hackathons are kept.
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { RETENTION_CONFIG, RetentionConfig } from './retention.config';

/** Serialises runs across API instances (each replica has its own timer). */
const RETENTION_LOCK = 7242;
const BATCH = 200;

export interface RetentionRun {
  /** Pupils whose personal data was erased by this run. */
  erasedUserIds: string[];
  /** Membership in a hackathon archived before this instant makes a pupil eligible. */
  cutoff: Date;
}

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(RETENTION_CONFIG) private readonly config: RetentionConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.intervalMs);
    // A pending check must never keep the process alive (SIGTERM, tests).
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      const { erasedUserIds } = (await this.running) as RetentionRun;
      if (erasedUserIds.length)
        this.logger.log(`Retention: erased the personal data of ${erasedUserIds.length} pupil(s)`);
    } catch (err) {
      // The database may be briefly unreachable: the next tick tries again.
      this.logger.warn(`Retention check failed: ${(err as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }

  /** The instant before which an archived hackathon is past retention. */
  cutoff(months = this.config.months): Date {
    const cutoff = this.clock.now();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    return cutoff;
  }

  /**
   * Erases every eligible pupil: a member of at least one team, and every hackathon they are a
   * member in was ARCHIVED before the cutoff. Pupils in no team are left alone (they have not
   * taken part yet); pupils already erased are skipped. Idempotent.
   */
  async runOnce(options: { months?: number } = {}): Promise<RetentionRun> {
    const cutoff = this.cutoff(options.months);
    const erasedUserIds: string[] = [];
    for (;;) {
      const batch = await this.dataSource.transaction(async (m) => {
        const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
          RETENTION_LOCK,
        ]);
        if (!locked) return [];
        const rows: { id: string }[] = await m.query(
          `SELECT u.id FROM users u
            WHERE u.role = 'PUPIL' AND u.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id)
              AND NOT EXISTS (
                SELECT 1 FROM team_members tm JOIN hackathons h ON h.id = tm.hackathon_id
                 WHERE tm.user_id = u.id
                   AND (h.phase <> 'ARCHIVED' OR h.archived_at IS NULL OR h.archived_at >= $1))
            ORDER BY u.id
            LIMIT $2
            FOR UPDATE OF u SKIP LOCKED`,
          [cutoff, BATCH],
        );
        const now = this.clock.now();
        for (const { id } of rows) {
          const [user] = await m.query('SELECT email FROM users WHERE id = $1', [id]);
          await m.query(
            `UPDATE invitations SET email = NULL WHERE accepted_by = $1 OR (email IS NOT NULL AND lower(email) = lower($2))`,
            [id, user.email ?? ''],
          );
          await m.query(
            `UPDATE users SET email = NULL, login = NULL, password_hash = NULL, first_name = NULL, last_name = NULL,
               birth_year = NULL, parental_consent_confirmed = false, consent_confirmed_by = NULL, consent_confirmed_at = NULL,
               status = 'SUSPENDED', deleted_at = $2, updated_at = $2
             WHERE id = $1`,
            [id, now],
          );
          await this.auth.logoutEverywhere(m, id);
          await this.audit.record(m, {
            actorId: null,
            action: 'account.erased.retention',
            entityType: 'user',
            entityId: id,
            after: { cutoff: cutoff.toISOString() },
          });
        }
        return rows.map((r) => r.id);
      });
      erasedUserIds.push(...batch);
      await this.auth.sessionsEnded(batch);
      if (batch.length < BATCH) return { erasedUserIds, cutoff };
    }
  }
}
