import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Cell } from '../../server/stats/columns.js';

/** The cells of a worksheet read back, row by row, empty cells as null. */
export async function readXlsx(body: Buffer): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : (v as string | number));
    }
    rows.push(cells);
  });
  return rows;
}

/** A CSV as the export writes it: BOM, CRLF, quotes only where needed. */
export function readCsv(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
}
