// Real-time status of an ESC/POS printer: the DLE EOT requests and the meaning of their one-byte replies.
// node-thermal-printer only appends GS r 1 and never reads a reply, so the driver owns this part.

/** The DLE EOT n requests we use: printer, offline cause, error cause, paper roll. */
export type StatusRequest = 1 | 2 | 3 | 4;

export function statusRequestBytes(n: StatusRequest): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

/**
 * Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear. Checking this lets the reader skip stray
 * bytes (a late reply, an ASB message) instead of taking them for a status.
 */
export function isStatusReplyByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

/** The raw reply bytes, kept so a log can show exactly what the printer said. */
export interface StatusReplies {
  printer: number;
  offlineCause: number;
  paper: number;
  /** Only asked for when the offline cause reports an error. */
  errorCause?: number;
}

const PRINTER_OFFLINE = 0x08;
const CAUSE_COVER_OPEN = 0x04;
const CAUSE_STOPPED_AT_PAPER_END = 0x20;
const CAUSE_ERROR = 0x40;
// recoverable, autocutter, unrecoverable, auto-recoverable
const ERROR_CAUSE_ANY = 0x04 | 0x08 | 0x20 | 0x40;
const PAPER_NEAR_END = 0x0c;
const PAPER_OUT = 0x60;

export function needsErrorCause(offlineCause: number): boolean {
  return (offlineCause & CAUSE_ERROR) !== 0;
}

export function decodeStatus(replies: StatusReplies): PrinterStatus {
  const { printer, offlineCause, paper, errorCause } = replies;
  return {
    online: (printer & PRINTER_OFFLINE) === 0,
    coverOpen: (offlineCause & CAUSE_COVER_OPEN) !== 0,
    paperOut: (paper & PAPER_OUT) !== 0 || (offlineCause & CAUSE_STOPPED_AT_PAPER_END) !== 0,
    paperNearEnd: (paper & PAPER_NEAR_END) !== 0,
    error: (offlineCause & CAUSE_ERROR) !== 0 || (errorCause !== undefined && (errorCause & ERROR_CAUSE_ANY) !== 0),
  };
}

/** What we report when the printer gave no answer at all. */
export const SILENT_PRINTER_STATUS: PrinterStatus = Object.freeze({
  online: false,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  error: false,
});

export function sameStatus(a: PrinterStatus, b: PrinterStatus): boolean {
  return (
    a.online === b.online &&
    a.coverOpen === b.coverOpen &&
    a.paperOut === b.paperOut &&
    a.paperNearEnd === b.paperNearEnd &&
    a.error === b.error
  );
}
