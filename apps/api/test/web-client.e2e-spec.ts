// The built web client at /: its files, index.html for client-side routes, and nothing of it where
// the client asked for something else than a page or the path belongs to the API.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '@ensemble/testing';

describe('web client', () => {
  let t: TestApp;
  let dir: string;
  const previous = process.env.WEB_DIST_DIR;
  const INDEX =
    '<!doctype html><html lang="fr"><title>Ensemble</title><div id="root"></div></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ensemble-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-3f2a.js'), 'console.log("ensemble");');
    process.env.WEB_DIST_DIR = dir;
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (previous === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, accept?: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: accept === undefined ? {} : { accept } });
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('serves index.html at / and for client-side routes, revalidated on every visit', async () => {
    for (const path of ['/', '/equipes/42', '/jury/evaluations?page=2']) {
      const res = await get(path, BROWSER);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves the build files themselves, cacheable', async () => {
    const res = await get('/assets/app-3f2a.js', '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=3600/);
    expect(await res.text()).toBe('console.log("ensemble");');
  });

  it('answers a page to a client that sends no Accept header or accepts anything', async () => {
    expect(await (await get('/equipes', undefined)).text()).toBe(INDEX);
    expect(await (await get('/equipes', '*/*')).text()).toBe(INDEX);
  });

  it('answers 404, not the page, when HTML is not acceptable', async () => {
    for (const accept of ['application/json', 'image/png', 'text/html;q=0, */*']) {
      const res = await get('/equipes/42', accept);
      expect({ accept, status: res.status }).toEqual({ accept, status: 404 });
      expect(await res.text()).not.toContain('<div id="root">');
    }
  });

  it('answers 404 for a file missing from the build, even to a client that accepts anything', async () => {
    // An old hashed chunk after a deploy: index.html instead would fail in the script tag.
    for (const path of [
      '/assets/app-0000.js',
      '/assets/inconnu',
      '/favicon.ico',
      '/equipes/42/logo.png',
    ]) {
      const res = await get(path, '*/*');
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('leaves API paths to the API: no page for an unknown API route, even to a browser', async () => {
    for (const path of ['/api/unknown', '/health/unknown', '/graphql/unknown']) {
      const res = await get(path, BROWSER);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).not.toContain('<div id="root">');
    }
    // The real API routes still answer.
    expect((await get('/health', BROWSER)).status).toBe(200);
  });
});
