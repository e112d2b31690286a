import { eventKinds, type AuditKind, type AuditPage, type StoredEvent } from '../../protocol/audit-log.js';
import type { EventType } from '../core/events.js';
import type { Db } from './database.js';
import { statementCache } from './statement-cache.js';

/** Every event the hall records falls into a kind: an event of no kind would be hidden by every filter of the page. */
type Listed = (typeof eventKinds)[AuditKind][number];
const everyTypeHasAKind: [Exclude<EventType, Listed>] extends [never] ? true : never = true;
void everyTypeHasAKind;

const allTypes: readonly string[] = Object.values(eventKinds).flat();
/**
 * Between two turns of the event loop at most this many rows are looked at and this many kept (parsed and turned
 * into what the caller keeps): a few milliseconds of the hall's time either way, for the rarest filter or an export.
 */
const sliceRows = 2000;
const keptPerTurn = 250;
const dayMs = 86_400_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface EventSelection {
  /** Epoch ms: the first hall day's start and the last one's end. */
  start: number;
  end: number;
  kind?: AuditKind;
  staffId?: number;
  windowId?: number;
  ticketNumber?: string;
}

/**
 * Reads the event log for the audit page, newest first, without an index of its own: every index on events is
 * written by every command, and the ticket issue and the window's calls must not pay for the audit page.
 *
 * The seq range of the chosen days comes from the (type, at) index alone; then the rows are read back by seq (the
 * table's own key) from the newest down, a slice at a time with the event loop let go between slices, until enough
 * are found. The days bound the work, a page of a common filter stops within its first slice, and a search through
 * a month for a number no event holds keeps the hall's commands waiting for one slice at most, never the month.
 * Times are checked on the rows too, since a clock set back can put an event's time out of step with its seq; that
 * is also why the range is taken from the index and not guessed from seqs.
 */
export class AuditEvents {
  private readonly sql;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async page(selection: EventSelection, before: number | null, limit: number): Promise<AuditPage<StoredEvent>> {
    const rows = await this.read(selection, before, limit + 1, (e) => e);
    const entries = rows.slice(0, limit);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].seq : null };
  }

  /** Up to `max` events of the selection, newest first, each turned at once into what the caller keeps of it. */
  async read<T>(s: EventSelection, before: number | null, max: number, keep: (e: StoredEvent) => T): Promise<T[]> {
    const types = s.kind ? eventKinds[s.kind] : allTypes;
    const range = await this.seqRange(types, s.start, s.end);
    const found: T[] = [];
    if (!range) return found;
    const statement = this.sql(rowsSql(types, s));
    const params = rowParams(types, s);
    let high = before !== null ? Math.min(range.high, before - 1) : range.high;
    while (high >= range.low && found.length < max) {
      const low = Math.max(range.low, high - sliceRows + 1);
      const take = Math.min(max - found.length, keptPerTurn);
      const rows = statement.all({ ...params, low, high, limit: take }) as StoredRow[];
      for (const r of rows) found.push(keep({ seq: r.seq, at: r.at, type: r.type, actor: JSON.parse(r.actor), payload: JSON.parse(r.payload, withoutPersonKey) }));
      // A slice cut short by the limit goes on below its last row at the next turn.
      high = rows.length === take ? rows[rows.length - 1].seq - 1 : low - 1;
      if (high >= range.low && found.length < max) await nextTurn();
    }
    return found;
  }

  /** The lowest and highest seq of the chosen types timed within the days, a day of the index at a time. */
  private async seqRange(types: readonly string[], start: number, end: number): Promise<{ low: number; high: number } | null> {
    const statement = this.sql(`SELECT MIN(seq) AS low, MAX(seq) AS high FROM events WHERE type IN (${types.map(() => '?').join(', ')}) AND at >= ? AND at < ?`);
    let low = Infinity;
    let high = -Infinity;
    for (let from = start; from < end; from += dayMs) {
      const day = statement.get(...types, from, Math.min(end, from + dayMs)) as { low: number | null; high: number | null };
      if (day.low !== null && day.high !== null) {
        low = Math.min(low, day.low);
        high = Math.max(high, day.high);
      }
      if (from + dayMs < end) await nextTurn();
    }
    return low <= high ? { low, high } : null;
  }
}

interface StoredRow { seq: number; at: number; type: string; actor: string; payload: string }

/** `+` keeps SQLite off the (type, at) index here: the rows are walked by seq, newest first, within the range. */
function rowsSql(types: readonly string[], s: EventSelection): string {
  const where = ['seq BETWEEN @low AND @high', '+at >= @start', '+at < @end', `+type IN (${types.map((_, i) => `@t${i}`).join(', ')})`];
  if (s.staffId !== undefined) where.push("json_extract(actor, '$.staffId') = @staffId");
  // The text tests are cheap and rule out nearly every row before any JSON is parsed ('indowId' is in both
  // windowId and targetWindowId).
  if (s.windowId !== undefined) {
    where.push(`instr(payload, @windowText) > 0 AND @windowId IN (json_extract(payload, '$.runtime.windowId'),
      json_extract(payload, '$.rating.windowId'), json_extract(payload, '$.followUp.windowId'), json_extract(payload, '$.next.targetWindowId'))`);
  }
  if (s.ticketNumber !== undefined) {
    where.push(`instr(payload, @numberText) > 0 AND @number IN (json_extract(payload, '$.ticket.number'),
      json_extract(payload, '$.rating.number'), json_extract(payload, '$.followUp.number'))`);
  }
  return `SELECT seq, at, type, actor, payload FROM events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
}

function rowParams(types: readonly string[], s: EventSelection): Record<string, unknown> {
  const params: Record<string, unknown> = { start: s.start, end: s.end };
  types.forEach((t, i) => { params[`t${i}`] = t; });
  if (s.staffId !== undefined) params.staffId = s.staffId;
  if (s.windowId !== undefined) Object.assign(params, { windowId: s.windowId, windowText: `indowId":${s.windowId}` });
  if (s.ticketNumber !== undefined) Object.assign(params, { number: s.ticketNumber, numberText: `"number":"${s.ticketNumber}"` });
  return params;
}

/**
 * The audit log shows who was served as the masked name and ID; the keyed hash and the birth date are for the
 * hall's own matching and priority, and no reader of the log needs them.
 */
export function withoutPersonKey(key: string, value: unknown): unknown {
  return key === 'idHash' || key === 'birthDate' ? undefined : value;
}

export function withoutPersonKeys(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload), withoutPersonKey);
}
