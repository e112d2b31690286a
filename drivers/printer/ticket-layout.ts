import { CHINESE_MODE_OFF, CHINESE_MODE_ON, PAPER, charSize, qrCodeBytes, type PaperWidth } from './escpos-bytes.js';
import { EscPosBuilder } from './escpos-builder.js';
import { bilingual, textColumns, wrapColumns } from './text-columns.js';

/** Everything printed on a hall ticket, already decided and formatted by the caller. */
export interface HallTicketData {
  hallName: string;
  serviceName: string;
  /** e.g. "A012" */
  number: string;
  peopleAhead: number;
  /** null when no estimate is possible yet (e.g. first ticket of the day, no window open). */
  estimatedWaitMinutes: number | null;
  /** Already in the hall's time zone and format, e.g. "2024-05-01 09:30". */
  issuedAt: string;
  qrUrl: string;
  /** Hints such as the 好差评 rating invitation; each wrapped to the paper width. */
  footerLines?: string[];
  paperWidth: PaperWidth;
}

const MAX_MAGNIFICATION = 8;
const QR_MODULE_SIZE: Record<PaperWidth, number> = { 58: 6, 80: 8 };
/** Lines fed before the partial cut so the last printed line clears the cutter. */
const FEED_BEFORE_CUT_LINES = 1;

/** The number is printed as large as the paper width allows, up to 8x (GS ! 0x77). */
export function numberMagnification(number: string, paperWidth: PaperWidth): number {
  const columns = Math.max(1, textColumns(number));
  return Math.max(1, Math.min(MAX_MAGNIFICATION, Math.floor(PAPER[paperWidth].columns / columns)));
}

export function waitText(minutes: number | null): { zh: string; en: string } {
  if (minutes === null) return { zh: '预计等待 暂无', en: 'Wait: n/a' };
  if (minutes < 1) return { zh: '预计等待 不足1分钟', en: 'Wait: <1 min' };
  return { zh: `预计等待 约${minutes}分钟`, en: `Wait: ~${minutes} min` };
}

/** The ESC/POS bytes of one hall ticket, ending with a partial cut. */
export function buildHallTicket(t: HallTicketData): Buffer {
  const { columns } = PAPER[t.paperWidth];
  const b = new EscPosBuilder(columns);
  const p = b.printer;

  b.init().raw(CHINESE_MODE_ON);
  p.alignCenter();

  p.bold(true);
  b.raw(charSize(1, 2));
  for (const line of wrapColumns(t.hallName, columns)) b.line(line);
  p.bold(false);

  b.raw(charSize(2, 2));
  for (const line of wrapColumns(t.serviceName, Math.floor(columns / 2))) b.line(line);

  b.raw(charSize(1, 1));
  p.drawLine('-');
  b.line(bilingual('您的号码', 'Your number', columns));

  const big = numberMagnification(t.number, t.paperWidth);
  p.bold(true);
  b.raw(charSize(big, big)).line(t.number);
  p.bold(false);
  b.raw(charSize(1, 1));

  b.line(bilingual(`前面还有 ${t.peopleAhead} 人`, `Ahead: ${t.peopleAhead}`, columns));
  const wait = waitText(t.estimatedWaitMinutes);
  b.line(bilingual(wait.zh, wait.en, columns));
  for (const line of wrapColumns(`取号时间 ${t.issuedAt}`, columns)) b.line(line);
  p.drawLine('-');

  b.raw(qrCodeBytes(t.qrUrl, { moduleSize: QR_MODULE_SIZE[t.paperWidth], errorCorrection: 'M' }));
  p.newLine();
  b.line(bilingual('扫码查看排队进度', 'Scan to follow', columns));

  for (const hint of t.footerLines ?? []) {
    for (const line of wrapColumns(hint, columns)) b.line(line);
  }

  b.raw(CHINESE_MODE_OFF);
  // Library cut: ESC d 4 (feed), GS V 1 (partial cut), then ESC @ so the next job starts clean.
  p.partialCut({ verticalTabAmount: FEED_BEFORE_CUT_LINES });
  return b.bytes();
}
