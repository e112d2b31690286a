import { describe, expect, it } from 'vitest';
import {
  decodeStatus,
  isStatusReplyByte,
  needsErrorCause,
  statusRequestBytes,
} from '../../../drivers/printer/printer-status.js';
import { blockingProblem } from '../../../drivers/printer/print-result.js';

describe('printer status bytes', () => {
  it('asks for real-time status with DLE EOT n', () => {
    expect(statusRequestBytes(1)).toEqual(Buffer.from([0x10, 0x04, 0x01]));
    expect(statusRequestBytes(4)).toEqual(Buffer.from([0x10, 0x04, 0x04]));
  });

  it('reads the normal reply 0x12 to every request as a printer ready to print', () => {
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 })).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
    });
  });

  it('reads the replies 1A 32 7E as out of paper and offline', () => {
    const status = decodeStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x7e });
    expect(status).toMatchObject({ online: false, paperOut: true, coverOpen: false, error: false });
    expect(blockingProblem(status)).toBe('PAPER_OUT');
  });

  it('reads paper out from the paper sensor alone, and from the stop-at-paper-end cause alone', () => {
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x72 }).paperOut).toBe(true);
    expect(decodeStatus({ printer: 0x12, offlineCause: 0x32, paper: 0x12 }).paperOut).toBe(true);
  });

  it('reads bits 2 and 3 of the paper reply as near end while the printer stays ready', () => {
    const status = decodeStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e });
    expect(status).toMatchObject({ online: true, paperNearEnd: true, paperOut: false });
    expect(blockingProblem(status)).toBeNull();
  });

  it('reads bit 2 of the offline cause as the cover open, which blocks printing', () => {
    const status = decodeStatus({ printer: 0x1a, offlineCause: 0x16, paper: 0x12 });
    expect(status).toMatchObject({ coverOpen: true, online: false, paperOut: false });
    expect(blockingProblem(status)).toBe('COVER_OPEN');
  });

  it('asks for the error cause only when the offline cause reports an error, and counts a cutter error', () => {
    expect(needsErrorCause(0x12)).toBe(false);
    expect(needsErrorCause(0x52)).toBe(true);
    const status = decodeStatus({ printer: 0x1a, offlineCause: 0x12, paper: 0x12, errorCause: 0x1a });
    expect(status.error).toBe(true);
    expect(blockingProblem(status)).toBe('PRINTER_ERROR');
  });

  it('reports a printer that is offline for no known cause as OFFLINE', () => {
    expect(blockingProblem(decodeStatus({ printer: 0x1a, offlineCause: 0x12, paper: 0x12 }))).toBe('OFFLINE');
  });

  it('accepts only bytes with the fixed bits of a status reply, so stray bytes are not taken for one', () => {
    for (const byte of [0x12, 0x1a, 0x32, 0x7e, 0x16, 0x1e]) expect(isStatusReplyByte(byte)).toBe(true);
    for (const byte of [0x00, 0x0a, 0x13, 0x92, 0xff, 0x02]) expect(isStatusReplyByte(byte)).toBe(false);
  });
});
