import { accessKindNames, accessKinds, auditKindNames, eventKinds, type AccessEntry, type AccessKind, type AuditKind, type StoredEvent } from '../../protocol/audit-log.js';
import { describeAccess, describeAccessActor, describeActor, describeEvent, type Lookups } from '../../protocol/audit-sentences.js';
import { maskName } from '../core/identity.js';
import type { HallState } from '../core/types.js';
import type { Column } from '../stats/columns.js';
import { toCsv } from '../stats/export-files.js';
import type { ExportFile } from '../stats/stats-requests.js';

/** One line of an exported log, worked out as the events are read, so a month's export never holds its events. */
export interface AuditLine { id: number; at: string; kind: string; who: { zh: string; en: string }; what: { zh: string; en: string }; address: string }

/** The page names staff in full; a file leaves the hall's machine, so there they are a masked name and their number. */
export function exportLookups(state: HallState): Lookups {
  return {
    staffName: (id) => {
      const staff = state.staff.get(id);
      return staff ? `${maskName(staff.name)} ${staff.number}` : null;
    },
    windowNumber: (id) => state.windows.get(id)?.number ?? null,
    serviceName: (id) => state.services.get(id)?.name ?? null,
    areaName: (id) => state.areas.get(id)?.name ?? null,
  };
}

/** 'YYYY-MM-DD HH:MM:SS' on the hall's clock, as a review reads times against the hall's day. */
export function hallTimeText(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (ms) => format.format(ms);
}

const kindOfType = new Map<string, AuditKind>(Object.entries(eventKinds).flatMap(([kind, types]) => types.map((t) => [t, kind as AuditKind] as const)));
const kindOfAction = new Map<string, AccessKind>(Object.entries(accessKinds).flatMap(([kind, actions]) => actions.map((a) => [a, kind as AccessKind] as const)));

export function eventLine(lookups: Lookups, timeText: (ms: number) => string): (e: StoredEvent) => AuditLine {
  return (e) => {
    const kind = kindOfType.get(e.type);
    return { id: e.seq, at: timeText(e.at), kind: kind ? auditKindNames[kind].zh : e.type, who: describeActor(e.actor, lookups), what: describeEvent(e, lookups), address: '' };
  };
}

export function accessLine(lookups: Lookups, timeText: (ms: number) => string): (entry: AccessEntry) => AuditLine {
  return (entry) => ({ id: entry.id, at: timeText(entry.at), kind: accessKindNames[kindOfAction.get(entry.action)!]?.zh ?? entry.action, who: describeAccessActor(entry, lookups), what: describeAccess(entry, lookups), address: entry.address ?? '' });
}

const eventColumns: Column<AuditLine>[] = [
  { zh: '序号', en: 'Seq', value: (l) => l.id },
  { zh: '时间', en: 'Time', value: (l) => l.at },
  { zh: '类别', en: 'Kind', value: (l) => l.kind },
  { zh: '操作人', en: 'Who', value: (l) => l.who.zh },
  { zh: '内容', en: 'What', value: (l) => l.what.zh },
  { zh: '操作人（英文）', en: 'Who (English)', value: (l) => l.who.en },
  { zh: '内容（英文）', en: 'What (English)', value: (l) => l.what.en },
];
const accessColumns: Column<AuditLine>[] = [...eventColumns, { zh: '地址', en: 'Address', value: (l) => l.address }];

const chunkRows = 2000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same CSV writer as the statistics exports (UTF-8 with a byte-order mark, both languages in the header), run a
 * few thousand lines at a time with the event loop let go between them, so a long export holds up the hall's calls
 * for one chunk at a time, never for the whole file.
 */
export async function auditCsv(log: 'operations' | 'access', from: string, to: string, lines: AuditLine[]): Promise<ExportFile> {
  const sheet = { title: log, columns: log === 'operations' ? eventColumns : accessColumns, total: null };
  const head = toCsv({ ...sheet, rows: [] });
  const parts = [head];
  for (let i = 0; i < lines.length; i += chunkRows) {
    if (i > 0) await nextTurn();
    parts.push(toCsv({ ...sheet, rows: lines.slice(i, i + chunkRows) }).subarray(head.length));
  }
  return { filename: `audit-${log}-${from}-${to}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.concat(parts) };
}
