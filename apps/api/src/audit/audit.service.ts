// Append-only record of who did what and when (assignments, scores, phases, validations, deletions).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditEntry {
  hackathonId?: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
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
}
