import { existsSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { expect } from 'vitest';
import { maskIdNumber } from '../../../server/core/identity.js';
import { hashIdNumber } from '../../../server/privacy/identity-keys.js';
import { VisitRetention } from '../../../server/privacy/visit-retention.js';
import { Scheduler } from '../../../server/scheduler.js';
import type { TestHall } from '../../support/hall-server.js';
import { idNumber } from '../../server/test-hall.js';

export interface Visitor { name: string; idNumber: string }

/** Made-up visitors with valid ID numbers and names no other test data contains. */
export function visitor(name: string, birth: string, sequence: string): Visitor {
  return { name, idNumber: idNumber(birth, sequence) };
}

/** Every form of a person that must not be left once they are gone: clear, masked, hashed and the birth date. */
export function tracesOf(t: TestHall, v: Visitor): Record<string, string> {
  const birth = v.idNumber.slice(6, 14);
  return {
    name: v.name, idNumber: v.idNumber, first14: v.idNumber.slice(0, 14), idMasked: maskIdNumber(v.idNumber),
    idHash: hashIdNumber(v.idNumber, t.hall.ctx.secrets.idHashKey), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  };
}

/** The database file and its WAL as they are on disk, byte for byte. */
export function storedBytes(dbPath: string): { file: string; bytes: Buffer }[] {
  return [dbPath, `${dbPath}-wal`].filter((f) => existsSync(f)).map((file) => ({ file, bytes: readFileSync(file) }));
}

export function tracesFound(dbPath: string, traces: Record<string, string>): string[] {
  const found: string[] = [];
  for (const { file, bytes } of storedBytes(dbPath)) {
    for (const [kind, text] of Object.entries(traces)) if (bytes.includes(Buffer.from(text))) found.push(`${kind} in ${file.slice(file.lastIndexOf('/') + 1)}`);
  }
  return found;
}

/**
 * The hall's own scheduler, built from the same parts as the one inside the hall, so a test can make the minute
 * tick happen when it has moved the clock instead of waiting for it.
 */
export function schedulerOf(t: TestHall): Scheduler {
  const { runner, vault } = t.hall.ctx;
  return new Scheduler(runner, vault, pino({ level: 'silent' }), { retention: new VisitRetention(t.hall.db), visitDays: t.config.retention.visitDays });
}

/** Calls the next ticket at a window and serves it to the end; returns the ticket. */
export async function serveNext(t: TestHall, cookie: string, windowId: number): Promise<{ id: number; number: string; visitId: number }> {
  const called = await t.api('POST', `/api/windows/${windowId}/call-next`, { cookie });
  expect(called.status, JSON.stringify(called.body)).toBe(200);
  expect((await t.api('POST', `/api/windows/${windowId}/start`, { cookie })).status).toBe(200);
  expect((await t.api('POST', `/api/windows/${windowId}/finish`, { cookie })).status).toBe(200);
  return called.body;
}

export async function openWindow(t: TestHall, cookie: string, windowId: number): Promise<void> {
  expect((await t.api('POST', `/api/windows/${windowId}/status`, { cookie, body: { status: 'open' } })).status).toBe(200);
}
