// Append-only record of who did what and when (assignments, scores, phases, validations, deletions).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryModel } from './audit-entry.model';

export interface AuditEntry {
  hackathonId?: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Written inside the caller's transaction, so the record exists exactly when the change does. */
  async record(m: EntityManager, entry: AuditEntry): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (hackathon_id, actor_id, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.hackathonId ?? null,
        entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  /**
   * A hackathon's entries, newest first; `after` is the id of the last entry of the previous
   * page (keyset pagination on the audit_log_hackathon_idx index, stable while entries are added).
   */
  async list(hackathonId: string, first: number, after: string | null): Promise<AuditEntryModel[]> {
    const rows: {
      id: string;
      action: string;
      entity_type: string;
      entity_id: string | null;
      actor_id: string | null;
      before: string | null;
      after: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id::text, action, entity_type, entity_id, actor_id, before::text, after::text, created_at
         FROM audit_log
        WHERE hackathon_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC
        LIMIT $3`,
      [hackathonId, after, first],
    );
    return rows.map((r) =>
      Object.assign(new AuditEntryModel(), {
        id: r.id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        actorId: r.actor_id,
        before: r.before,
        after: r.after,
        createdAt: r.created_at,
      }),
    );
  }
}
