import type { PrinterStatus } from './printer-status.js';

// Device conditions are values, not exceptions: the kiosk must tell the visitor what happened in both languages,
// and the hall monitor must see a stable code.

export type PrinterProblemCode =
  | 'PAPER_OUT'
  | 'COVER_OPEN'
  | 'PRINTER_ERROR'
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'WRITE_FAILED';

const MESSAGES: Record<PrinterProblemCode, { zh: string; en: string }> = {
  PAPER_OUT: { zh: '打印机缺纸，请联系工作人员', en: 'The printer is out of paper' },
  COVER_OPEN: { zh: '打印机纸仓盖未关好', en: 'The printer cover is open' },
  PRINTER_ERROR: { zh: '打印机故障（切刀或机构错误）', en: 'The printer reports an error (cutter or mechanism)' },
  OFFLINE: { zh: '打印机未连接或处于离线状态', en: 'The printer is not connected or offline' },
  TIMEOUT: { zh: '打印机无响应', en: 'The printer did not answer the status request' },
  WRITE_FAILED: { zh: '打印数据发送失败', en: 'Could not send the data to the printer' },
};

export interface PrinterProblem {
  ok: false;
  code: PrinterProblemCode;
  zh: string;
  en: string;
  status: PrinterStatus;
}

export type StatusResult = { ok: true; status: PrinterStatus } | PrinterProblem;

export type PrintResult =
  | { ok: true; status: PrinterStatus }
  /** `sent` says whether the ticket bytes reached the printer, so the caller knows whether a reprint is needed. */
  | (PrinterProblem & { sent: boolean });

export function problem(code: PrinterProblemCode, status: PrinterStatus): PrinterProblem {
  return { ok: false, code, ...MESSAGES[code], status };
}

/**
 * The condition that stops printing, if any. Causes come before the bare offline bit because a printer that is
 * out of paper or has its cover open also reports itself offline.
 */
export function blockingProblem(status: PrinterStatus): PrinterProblemCode | null {
  if (status.paperOut) return 'PAPER_OUT';
  if (status.coverOpen) return 'COVER_OPEN';
  if (status.error) return 'PRINTER_ERROR';
  if (!status.online) return 'OFFLINE';
  return null;
}
