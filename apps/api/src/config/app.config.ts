// Environment variables, validated once at boot and read through typed accessors.
import { randomBytes } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Unset: an embedded PostgreSQL started by the app, data in EMBEDDED_PG_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @Transform(toInt)
  @IsInt()
  EMBEDDED_PG_PORT = 54329;

  /** Unset: in-process pub/sub and login throttling kept in PostgreSQL. */
  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** Unset: a random secret (tokens do not survive a restart) and a warning. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @IsOptional()
  @IsEmail()
  ENSEMBLE_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  ENSEMBLE_ADMIN_PASSWORD?: string;

  /** Requests per minute per client address (a whole school may share one address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_POOL_SIZE = 10;

  /** Live connections' sessions checked against the database this often (0: never). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  LIVE_SESSIONS_CHECK_INTERVAL_MS = 60_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Seed the demo hackathon into an empty database (default: on, except in production). */
  @IsOptional()
  @IsIn(['true', 'false'])
  SEED_DEMO?: string;

  /** Origins allowed to call the API from a browser (comma separated); empty: same origin only. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  databaseUrl?: string;
  embeddedPgDir: string;
  embeddedPgPort: number;
  redisUrl?: string;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  adminEmail?: string;
  adminPassword?: string;
  rateLimitPerMinute: number;
  dbPoolSize: number;
  liveSessionsCheckIntervalMs: number;
  logLevel: string;
  seedDemo: boolean;
  corsOrigins: string[];
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvironmentVariables, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const isProduction = parsed.NODE_ENV === 'production';
  return {
    nodeEnv: parsed.NODE_ENV,
    isProduction,
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL || undefined,
    embeddedPgDir: parsed.EMBEDDED_PG_DIR || 'data/postgres',
    embeddedPgPort: parsed.EMBEDDED_PG_PORT,
    redisUrl: parsed.REDIS_URL || undefined,
    jwtSecret: parsed.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !parsed.JWT_SECRET,
    adminEmail: parsed.ENSEMBLE_ADMIN_EMAIL,
    adminPassword: parsed.ENSEMBLE_ADMIN_PASSWORD,
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    dbPoolSize: parsed.DB_POOL_SIZE,
    liveSessionsCheckIntervalMs: parsed.LIVE_SESSIONS_CHECK_INTERVAL_MS,
    logLevel: parsed.LOG_LEVEL,
    seedDemo: parsed.SEED_DEMO ? parsed.SEED_DEMO === 'true' : !isProduction,
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
