import type { Person } from '../core/types.js';
import type { Db } from '../store/database.js';

/**
 * What is left of a visitor on an appointment whose person was removed: the record type needs a person, and an
 * empty hash never matches a real one (a keyed hash is never empty), so nobody can be found or checked in by it.
 */
export const erasedPerson: Person = { idHash: '', idMasked: '', nameMasked: '', birthDate: null };

/** A span of the event log, by event time (ms). */
export interface Stretch { from: number; to: number }

/** A ticket or appointment inside an event payload: tickets have `hallDay`, appointments `date`. */
export type PersonRecord = Record<string, unknown> & { person: Person };

const dayMs = 86_400_000;

/**
 * Where the events about a record lie: from shortly before it began (a day's margin for a clock that was set
 * back) to the close of its day, which ends leftovers in a `day.closed` event; until now if that close has not
 * come yet (the hall was down since, say).
 */
export function recordStretch(db: Db, began: number, dayEnd: number, now: number): Stretch {
  const close = db.prepare("SELECT MIN(at) FROM events WHERE type = 'day.closed' AND at >= ?").pluck().get(dayEnd) as number | null;
  return { from: began - dayMs, to: close === null ? Math.max(now, dayEnd) + dayMs : close };
}

export function mergeStretches(stretches: Stretch[]): Stretch[] {
  const sorted = [...stretches].sort((a, b) => a.from - b.from);
  const merged: Stretch[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Takes the person off every ticket and appointment in a payload that `matches` picks: tickets lose it (null),
 * appointments get the erased person. Returns whether anything changed.
 */
export function scrubPersons(value: unknown, matches: (record: PersonRecord) => boolean): boolean {
  if (Array.isArray(value)) return value.map((v) => scrubPersons(v, matches)).some(Boolean);
  if (value === null || typeof value !== 'object') return false;
  const obj = value as Record<string, unknown>;
  let changed = false;
  const person = obj.person as Person | null | undefined;
  if (person && typeof person === 'object' && person.idHash && matches(obj as PersonRecord)) {
    obj.person = 'slotStart' in obj ? { ...erasedPerson } : null;
    changed = true;
  }
  for (const [key, child] of Object.entries(obj)) if (key !== 'person' && scrubPersons(child, matches)) changed = true;
  return changed;
}

/**
 * Rewrites the payloads of stored events within the stretches so the picked persons are gone from the log too.
 * Every event type is searched (types are read from the log's own index), so a record kept by a kind of event
 * added later is not missed; `contains` is a cheap text test that skips events that cannot hold the person.
 */
export function scrubEventLog(db: Db, stretches: Stretch[], contains: string, matches: (record: PersonRecord) => boolean): number {
  const nextType = db.prepare('SELECT MIN(type) FROM events WHERE type > ?').pluck();
  const candidates = db.prepare('SELECT seq, payload FROM events WHERE type = ? AND at BETWEEN ? AND ? AND instr(payload, ?) > 0');
  const rewrite = db.prepare('UPDATE events SET payload = ? WHERE seq = ?');
  const types: string[] = [];
  for (let t = nextType.get('') as string | null; t !== null; t = nextType.get(t) as string | null) types.push(t);
  let changed = 0;
  for (const { from, to } of mergeStretches(stretches)) {
    for (const type of types) {
      for (const row of candidates.all(type, from, to, contains) as { seq: number; payload: string }[]) {
        const payload = JSON.parse(row.payload) as unknown;
        if (!scrubPersons(payload, matches)) continue;
        rewrite.run(JSON.stringify(payload), row.seq);
        changed++;
      }
    }
  }
  return changed;
}
