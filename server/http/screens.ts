import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { registerFavicon } from './favicon.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Each screen's address and the built page behind it. */
export const screens: { path: string; page: string }[] = [
  { path: '/kiosk', page: 'kiosk-ui/index.html' },
  { path: '/m', page: 'kiosk-ui/phone.html' },
  { path: '/pad', page: 'caller-pad/index.html' },
  { path: '/board', page: 'display-board/index.html' },
  { path: '/admin', page: 'admin-ui/index.html' },
];

/** Serves the built browser clients (npm run build); without a build the API still runs and says so at /. */
export async function registerScreens(app: FastifyInstance): Promise<void> {
  registerFavicon(app);
  if (!existsSync(dist)) {
    app.get('/', async (_req, res) => res.type('text/plain; charset=utf-8').send('Screens are not built: run `npm run build`.\n'));
    return;
  }
  // The first registration only lends reply.sendFile to the page routes below.
  await app.register(fastifyStatic, { root: dist, serve: false });
  await app.register(fastifyStatic, { root: join(dist, 'assets'), prefix: '/assets/', decorateReply: false, maxAge: '7d', immutable: true });
  for (const { path, page } of screens) {
    const send = async (_req: unknown, res: { sendFile: (p: string, root: string) => unknown; header: (k: string, v: string) => void }) => {
      res.header('cache-control', 'no-cache');
      return res.sendFile(page, dist);
    };
    app.get(path, (_req, res) => res.redirect(`${path}/`));
    app.get(`${path}/`, send as never);
    app.get(`${path}/*`, send as never);
  }
  app.get('/', async (_req, res) => res.redirect('/kiosk/'));
}
