import type { Column, Cell } from './columns.js';

export interface ExportSheet<R> { title: string; columns: Column<R>[]; rows: R[]; total: R | null }

/** Both languages in the header, so one file serves the hall and any English-reading auditor. */
const header = (c: Column<unknown>) => `${c.zh} ${c.en}`;

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what Excel would split on; a leading = + - @ is prefixed so a label is never run as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark: without it Excel on a Chinese Windows PC reads the file as GBK and garbles it. */
export function toCsv<R>(sheet: ExportSheet<R>): Buffer {
  const lines = [sheet.columns.map((c) => csvCell(header(c as Column<unknown>))).join(',')];
  for (const row of [...sheet.rows, ...(sheet.total ? [sheet.total] : [])]) lines.push(sheet.columns.map((c) => csvCell(c.value(row))).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * One worksheet: a header row, the rows, the total last; numbers stay numbers so the hall can chart them. exceljs is
 * loaded on the first export: it is large, and importing it at start slows every start of the hall.
 */
export async function toXlsx<R>(sheet: ExportSheet<R>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  const ws = book.addWorksheet(sheet.title.slice(0, 31));
  ws.addRow(sheet.columns.map((c) => header(c as Column<unknown>)));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row)));
  if (sheet.total) {
    const last = ws.addRow(sheet.columns.map((c) => c.value(sheet.total as R)));
    last.font = { bold: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  ws.columns.forEach((col, i) => { col.width = i === 0 ? 24 : 14; });
  return Buffer.from(await book.xlsx.writeBuffer());
}
