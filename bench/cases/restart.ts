import { spawnSync } from 'node:child_process';
import { hallDay } from '../../server/core/hall-time.js';
import { freePort, hallEnv, repoRoot, serverBundle, spawnMainHall, spawnSourceHall, tempDir, waitForOk, type HallProcess } from '../support/hall-process.js';
import { HttpClient } from '../support/http-client.js';
import { KioskFleet } from '../support/kiosk-load.js';
import { round, roundSummary, sleep, summarize } from '../support/stats.js';
import { seedTokens } from './ticket-issue.js';

/**
 * (e) Cold start and crash recovery of the hall as `npm start` runs it (`node build/server/main.js`):
 * - cold start: from spawn to the first 200 of /healthz, on a fresh database (migrations and demo seed) and on an
 *   existing one;
 * - SIGKILL while kiosks are issuing: from the kill to the first 200 of the restarted hall, and every ticket a
 *   kiosk got a 201 for must be in the restarted hall's queue; three times at 200/s, and once after a peak day's
 *   tickets issued flat out.
 */
export async function runRestart(options = { coldStarts: 2, kills: 3, kiosks: 20, rate: 200 }) {
  // Built before anything is timed: run alone, the first fresh start counted esbuild's 0.4 s.
  serverBundle();
  const tmp = tempDir();
  const port = await freePort();
  const env = hallEnv(tmp.dir, port);
  let hall: HallProcess | null = null;
  const start = async () => {
    const spawnedAt = performance.now();
    hall = spawnMainHall(env, port);
    return waitForOk(hall.url, spawnedAt);
  };
  try {
    const fresh: number[] = [];
    const existing: number[] = [];
    let tokens = { kiosk: '', board: '' };
    for (let i = 0; i < options.coldStarts; i++) {
      // A fresh database each time: migrations, secrets and the demo seed are part of a first start.
      tmp.clear();
      fresh.push(await start());
      while (!hall!.stdout().includes('board screen')) await sleep(10);
      tokens = seedTokens(hall!.stdout());
      await hall!.kill('SIGTERM');
      existing.push(await start());
      await hall!.kill('SIGTERM');
    }
    /**
     * Kiosks issue at `rate` a second for `seconds`; the hall is SIGKILLed `killAfterMs` in and restarted at once.
     * Every ticket a kiosk got a 201 for must be waiting in the restarted hall (no window is open to call it).
     */
    const crash = async (firstIdentity: number, rate: number, seconds: number, killAfterMs: number) => {
      await start();
      const fleet = new KioskFleet(hall!.url, options.kiosks, tokens.kiosk, [1, 2, 3, 5, 6, 7, 8, 9, 10], hallDay(Date.now(), 'Asia/Shanghai'), firstIdentity, Math.round(rate * seconds));
      const acked: number[] = [];
      const load = fleet.openLoop(rate, seconds).then((samples) => samples.forEach((s) => s.ticketId !== null && acked.push(s.ticketId)));
      await sleep(killAfterMs);
      const killedAt = performance.now();
      await hall!.kill('SIGKILL');
      hall = spawnMainHall(env, port);
      const serving = await waitForOk(hall.url, killedAt);
      await load.catch(() => undefined);
      fleet.close();
      const board = new HttpClient(hall.url, 1);
      const state = await board.request('GET', '/api/hall', undefined, { authorization: `Bearer ${tokens.board}` });
      board.close();
      const present = new Set((state.body.waiting as { id: number }[]).map((t) => t.id));
      await hall.kill('SIGTERM');
      return { acknowledged: acked.length, lost: acked.filter((id) => !present.has(id)).length, killToServingMs: round(serving, 1), ticketsToday: present.size };
    };
    const crashes = [];
    for (let i = 0; i < options.kills; i++) crashes.push(await crash(100_000 * (i + 1), options.rate, 3, 1000 + Math.random() * 1000));
    // A peak day's 8,000 tickets in a few seconds (every kiosk flat out), then the kill: the restarted hall reads a
    // whole day back, and its journal was written without a pause the whole time.
    const afterRush = await crash(1_000_000, 2_000, 4.5, 4_000);
    // Where a start's time goes: tsx itself, and the same server run from its TypeScript sources.
    const tsxFloor = Array.from({ length: 3 }, () => timeProcess(['--import', 'tsx', 'bench/support/noop.ts']));
    const sources: number[] = [];
    for (let i = 0; i < options.coldStarts; i++) {
      const spawnedAt = performance.now();
      hall = spawnSourceHall(env, port);
      sources.push(await waitForOk(hall.url, spawnedAt));
      await hall.kill('SIGTERM');
    }
    return {
      tsxStartupFloorMs: roundSummary(summarize(tsxFloor), 1),
      coldStartSourcesExistingDbMs: roundSummary(summarize(sources), 1),
      coldStartFreshDbMs: roundSummary(summarize(fresh), 1),
      coldStartExistingDbMs: roundSummary(summarize(existing), 1),
      sigkill: {
        runs: crashes,
        killToServingMs: roundSummary(summarize(crashes.map((c) => c.killToServingMs)), 1),
        acknowledged: crashes.reduce((s, c) => s + c.acknowledged, 0),
        lost: crashes.reduce((s, c) => s + c.lost, 0),
      },
      sigkillAfterRush: afterRush,
    };
  } finally {
    if (hall) await (hall as HallProcess).kill('SIGKILL');
    tmp.remove();
  }
}

function timeProcess(args: string[]): number {
  const started = performance.now();
  spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
  return performance.now() - started;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runRestart().then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
}
