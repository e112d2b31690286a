import type { ErrorBody } from '../../../protocol/i18n.js';
import type { HeldCard } from './card-banner.js';

/** What the hall's hardware tells this kiosk over its WebSocket: a card read (or not), a ticket printed (or not). */
export type DeviceNews =
  | { kind: 'card'; card: HeldCard }
  | { kind: 'cardError'; error: ErrorBody }
  | { kind: 'printer'; ticketId: number | null; ok: boolean; error: ErrorBody | null };

const unreadable: ErrorBody = { code: 'CARD_UNREADABLE', message: { zh: '身份证读取失败', en: 'The ID card could not be read' } };
const printerFault: ErrorBody = { code: 'PRINTER_FAULT', message: { zh: '打印机故障', en: 'The printer is out of order' } };

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | null => (v && typeof v === 'object' ? (v as Loose) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const errorOf = (v: unknown): ErrorBody | null => {
  const o = obj(v);
  const m = obj(o?.message);
  return o && typeof o.code === 'string' && m && typeof m.zh === 'string' ? (o as unknown as ErrorBody) : null;
};

/** Reads a kiosk message from the devices layer; anything else (hall events, snapshots) is not news here. */
export function readDeviceNews(message: Loose): DeviceNews | null {
  const type = String(message.type ?? '');
  const body = obj(message.data) ?? message;
  if (/card/i.test(type)) {
    const token = str(body.cardToken);
    const person = obj(body.person) ?? body;
    if (token && !errorOf(body.error)) {
      return { kind: 'card', card: { cardToken: token, nameMasked: str(person.nameMasked) ?? '', idMasked: str(person.idMasked) ?? '' } };
    }
    return { kind: 'cardError', error: errorOf(body.error) ?? unreadable };
  }
  if (/print/i.test(type)) {
    const ok = body.ok === true || body.status === 'printed';
    const ticketId = typeof body.ticketId === 'number' ? body.ticketId : null;
    return { kind: 'printer', ticketId, ok, error: ok ? null : errorOf(body.error) ?? printerFault };
  }
  return null;
}
