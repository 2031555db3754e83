// No Docker engine runs in CI: the production files are checked statically.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

describe('docker/compose.yaml', () => {
  const compose = parse(read('docker/compose.yaml'), { merge: true }) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;

  it('runs PostgreSQL 17, Redis 7, two API replicas and a reverse proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['api1', 'api2', 'postgres', 'proxy', 'redis']);
    expect(services.postgres.image).toBe('postgres:17');
    expect(services.redis.image).toBe('redis:7');
    expect(services.proxy.image).toMatch(/^nginx:/);
    expect(services.proxy.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('gives every server a healthcheck, the API one on /health/ready', () => {
    for (const name of ['postgres', 'redis', 'api1', 'api2']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    expect(services.api1.healthcheck?.test.join(' ')).toContain('/health/ready');
    expect(services.api1.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('keeps data in named volumes', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(['pgdata', 'redisdata']);
    expect(services.postgres.volumes).toContain('pgdata:/var/lib/postgresql/data');
  });

  it('passes every variable of .env.example to the API (embedded-database ones excepted)', () => {
    const documented = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    const notForContainers = new Set(['EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT', 'WEB_DIST_DIR']);
    for (const api of [services.api1, services.api2]) {
      const env = Object.keys(api.environment ?? {});
      for (const name of documented.filter((n) => !notForContainers.has(n))) expect({ name, present: env.includes(name) }).toEqual({ name, present: true });
      expect(api.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    }
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');

  it('copies only sources that exist', () => {
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].map((m) => m[1].trim().split(/\s+/).slice(0, -1));
    expect(copies.length).toBeGreaterThan(0);
    for (const sources of copies) for (const src of sources) expect({ src, exists: existsSync(join(root, src)) }).toEqual({ src, exists: true });
  });

  it('starts the same entry point as `npm run start:prod`', () => {
    const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(dockerfile)![1]) as string[];
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(cmd.join(' ')).toBe(pkg.scripts['start:prod']);
  });

  it('is multi-stage, installs production dependencies only and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]+\/health\/ready/);
  });
});

describe('docker/nginx.conf', () => {
  it('upgrades websockets on /graphql and balances both replicas', () => {
    const conf = read('docker/nginx.conf');
    expect(conf).toMatch(/server api1:3000/);
    expect(conf).toMatch(/server api2:3000/);
    expect(conf).toMatch(/location \/graphql[\s\S]+proxy_set_header Upgrade \$http_upgrade/);
    expect(conf).toMatch(/client_max_body_size 1m/);
  });
});
