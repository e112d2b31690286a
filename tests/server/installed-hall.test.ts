import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childTimeoutMs, freePort, killAllHalls, startChildHall } from './child-hall.js';

/**
 * The hall as `npm start` runs it: one bundled file (build/server/main.js). What a bundle can get wrong that the
 * sources cannot: files found next to the code (migrations, the screens, the API docs' assets), native addons,
 * worker threads, and simulator modules that would take themselves for the program.
 */
describe('the installed hall (the server bundle)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-installed-'));
  afterAll(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with its simulated hardware, serves screens, docs and tickets with their waits, and stops cleanly', async () => {
    const port = await freePort();
    const hall = await startChildHall(port, { HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'), HALL_LOG_LEVEL: 'warn' });
    const out = hall.stdout();
    expect(out).not.toContain('usage:');
    const kioskToken = /kiosk screen: \S+\?token=(\S+)/.exec(out)?.[1];
    expect(kioskToken, out).toBeTruthy();

    const kioskPage = await fetch(`${hall.url}/kiosk/`);
    expect(kioskPage.status).toBe(200);
    expect(await kioskPage.text()).toContain('<div id="app"');
    const docs = await fetch(`${hall.url}/docs/static/swagger-ui-bundle.js`);
    expect(docs.status).toBe(200);
    expect((await fetch(`${hall.url}/openapi.json`)).status).toBe(200);

    const issued = await fetch(`${hall.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ serviceId: 6 }),
    });
    expect(issued.status).toBe(201);
    const reply = await issued.json();
    expect(reply.ticket.number).toBe('F001');
    // The wait comes from the forecast thread, which the bundle starts from its own file.
    expect(reply.forecast).toMatchObject({ ticketId: reply.ticket.id, position: 0 });

    hall.process.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    expect(hall.stderr()).not.toMatch(/Error|error/);
  }, childTimeoutMs);
});
