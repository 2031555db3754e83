// RETENTION_MONTHS / RETENTION_CHECK_INTERVAL_MS, read once at boot (invalid values stop the boot).
export interface RetentionConfig {
  /** Months after a hackathon is ARCHIVED before its pupils' personal data is erased. */
  months: number;
  /** Milliseconds between two runs of the job; 0 disables it (e.g. when another instance runs it). */
  intervalMs: number;
}

export const RETENTION_CONFIG = Symbol('RETENTION_CONFIG');

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`Invalid configuration:\n  ${name}: must be an integer ≥ ${min}`);
  return value;
}

export function loadRetentionConfig(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  return {
    months: integer(env, 'RETENTION_MONTHS', 12, 1),
    intervalMs: integer(env, 'RETENTION_CHECK_INTERVAL_MS', 60 * 60 * 1000, 0),
  };
}
