import { fork, spawn } from 'node:child_process';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { repoRoot, tempDir } from '../support/hall-process.js';
import { KioskFleet } from '../support/kiosk-load.js';
import { median, roundSummary, sleep, summarize } from '../support/stats.js';

/**
 * (g) The floor, measured in the same run as the rest: fsync, a SQLite commit with synchronous=FULL, a raw write per
 * client, and a bare server's answer to kiosks at the rate of (c).
 */
export async function runFloor(clients = 2000, messageBytes = 700, issueRate = 200) {
  const tmp = tempDir();
  try {
    return { disk: diskFloor(tmp.dir), socket: await socketFloor(clients, messageBytes), request: await requestFloor(tmp.dir, issueRate) };
  } finally {
    tmp.remove();
  }
}

/**
 * 50 kiosks at `rate` a second against request-floor-entry.ts (parse, write, fdatasync, answer), warmed up as the
 * hall is in (c): the latency any server gets here when it answers only once the ticket is on disk.
 */
async function requestFloor(dir: string, rate: number, seconds = 10) {
  const child = fork(join(repoRoot, 'bench/support/request-floor-entry.ts'), [join(dir, 'request-floor.bin')], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', resolve as never));
    const fleet = new KioskFleet(`http://127.0.0.1:${port}`, 50, 'floor', [1, 2, 3], '2026-03-10', 0, 1000);
    await fleet.openLoop(50, 1);
    await fleet.openLoop(rate, 5);
    const samples = (await fleet.openLoop(rate, seconds)).filter((s) => s.status === 201);
    fleet.close();
    return { rate, seconds, latencyMs: roundSummary(summarize(samples.map((s) => s.doneAt - s.scheduledAt))) };
  } finally {
    child.kill('SIGKILL');
  }
}

/** A 4 KB write + fsync, and a one-row SQLite transaction in WAL mode with synchronous=FULL, 300 times each. */
function diskFloor(dir: string) {
  const fd = openSync(join(dir, 'fsync.bin'), 'w');
  const block = Buffer.alloc(4096, 7);
  const fsyncMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    writeSync(fd, block);
    fsyncSync(fd);
    fsyncMs.push(performance.now() - started);
  }
  closeSync(fd);
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER, payload TEXT)');
  const insert = db.prepare('INSERT INTO t (at, payload) VALUES (?, ?)');
  const commitMs: number[] = [];
  const payload = 'x'.repeat(600);
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    db.transaction(() => insert.run(Date.now(), payload))();
    commitMs.push(performance.now() - started);
  }
  db.close();
  return { fsyncMs: roundSummary(summarize(fsyncMs), 3), sqliteFullCommitMs: roundSummary(summarize(commitMs), 3) };
}

/** N raw sockets and N ws connections to a child process that writes one message to each, per round. */
async function socketFloor(clients: number, messageBytes: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/floor-entry.ts'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(m: Record<string, unknown>) => new Promise<T>((resolve) => {
    const on = (r: { type: string }) => { if (r.type === m.type) { child.off('message', on); resolve(r as T); } };
    child.on('message', on);
    child.send(m);
  });
  try {
    const ports = await new Promise<{ rawPort: number; wsPort: number }>((resolve) => child.once('message', resolve as never));
    const sockets = [];
    for (let i = 0; i < clients; i++) {
      const s = connect(ports.rawPort, '127.0.0.1');
      s.on('data', () => undefined);
      s.on('error', () => undefined);
      sockets.push(s);
      const ws = new WebSocket(`ws://127.0.0.1:${ports.wsPort}`, { perMessageDeflate: false });
      ws.on('error', () => undefined);
      sockets.push(ws);
    }
    for (let i = 0; i < 200; i++) {
      const counts = await ask<{ raw: number; ws: number }>({ type: 'counts' });
      if (counts.raw >= clients && counts.ws >= clients) break;
      await sleep(50);
    }
    const rounds = await ask<{ rawUs: number[]; wsUs: number[] }>({ type: 'write', bytes: messageBytes, rounds: 20 });
    for (const s of sockets) ('destroy' in s ? s.destroy() : s.terminate());
    return {
      clients, messageBytes,
      rawWriteUsPerClient: roundSummary(summarize(rounds.rawUs)),
      wsSendUsPerClient: roundSummary(summarize(rounds.wsUs)),
      rawMedianUs: median(rounds.rawUs),
    };
  } finally {
    child.kill('SIGKILL');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFloor().then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); });
}
