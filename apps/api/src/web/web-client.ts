// Serves the built web client at / with a fallback to index.html for client-side routes.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export function webClientDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'apps/web/dist'));
}

const API_PREFIXES = ['/graphql', '/api/', '/health'];

export function serveWebClient(app: NestExpressApplication): boolean {
  const dir = webClientDir();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
