// Serves the built web client at / with a fallback to index.html for client-side routes.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Negotiator from 'negotiator';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export function webClientDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'apps/web/dist'));
}

const API_PREFIXES = ['/graphql', '/api/', '/health'];

/**
 * A file that is not in the build (an old hashed chunk after a deploy, a missing icon): a 404, not
 * index.html, which a script tag would fail to parse. No client route has a dot in its last segment
 * (ids are UUIDs, slugs are [a-z0-9-]).
 */
const looksLikeFile = (path: string) =>
  path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);

/** Whether an Accept header admits HTML (no header admits anything), as Express's req.accepts('html'). */
function acceptsHtml(accept: string | undefined): boolean {
  return new Negotiator({ headers: { accept } }).mediaType(['text/html']) !== undefined;
}

export async function serveWebClient(app: NestFastifyApplication): Promise<boolean> {
  const dir = webClientDir();
  if (!existsSync(join(dir, 'index.html'))) return false;
  // One route per file of the build (read at boot): everything else reaches the fallback below.
  await app.register(fastifyStatic, {
    root: dir,
    index: false,
    wildcard: false,
    maxAge: '1h',
    immutable: false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', { exposeHeadRoute: false }, (req, reply) => {
      const path = req.url.split('?')[0];
      if (
        API_PREFIXES.some((p) => path.startsWith(p)) ||
        looksLikeFile(path) ||
        !acceptsHtml(req.headers.accept)
      ) {
        reply.callNotFound();
        return reply;
      }
      // Revalidated on every visit: the page names the current build's hashed assets.
      return reply
        .header('Cache-Control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    });
  return true;
}
