import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../drivers/printer/escpos-decoder.js';
import { splitTickets } from '../../../drivers/printer/decoded-ticket.js';
import { buildHallTicket, numberMagnification } from '../../../drivers/printer/ticket-layout.js';
import { textColumns } from '../../../drivers/printer/text-columns.js';
import { PAPER } from '../../../drivers/printer/escpos-bytes.js';
import { TICKET_URL, sampleTicket } from './ticket-fixtures.js';

function decoded(bytes: Buffer) {
  const tickets = splitTickets(decodeEscPos(bytes));
  expect(tickets).toHaveLength(1);
  return tickets[0];
}

describe('hall ticket layout', () => {
  for (const paperWidth of [58, 80] as const) {
    it(`lays out a ${paperWidth} mm ticket with no line wider than ${PAPER[paperWidth].columns} columns`, () => {
      const ticket = decoded(buildHallTicket(sampleTicket(paperWidth)));
      expect(ticket.unknown).toEqual([]);
      for (const line of ticket.lines) {
        expect(textColumns(line.text) * line.width, line.text).toBeLessThanOrEqual(PAPER[paperWidth].columns);
      }
      const texts = ticket.lines.map((l) => l.text);
      expect(texts).toContain('朝阳区政务服务中心');
      expect(texts).toContain('社保业务');
      expect(texts.some((t) => t.startsWith('前面还有 5 人'))).toBe(true);
      expect(texts.some((t) => t.startsWith('预计等待 约15分钟'))).toBe(true);
      expect(texts).toContain('取号时间 2024-05-01 09:30');
      expect(texts).toContain('请对本次服务作出评价（好差评）');
      expect(ticket.qrCodes.map((q) => q.payload)).toEqual([TICKET_URL]);
      expect(ticket.cut).toEqual({ partial: true });
    });
  }

  it('prints the number in the largest size the paper allows, centered and bold', () => {
    const small = decoded(buildHallTicket(sampleTicket(58))).lines.find((l) => l.text === 'A012');
    const wide = decoded(buildHallTicket(sampleTicket(80))).lines.find((l) => l.text === 'A012');
    expect(small).toMatchObject({ width: 8, height: 8, align: 'center', bold: true });
    expect(wide).toMatchObject({ width: 8, height: 8, align: 'center', bold: true });
    expect(numberMagnification('AB012', 58)).toBe(6);
    expect(numberMagnification('AB012', 80)).toBe(8);
  });

  it('shows the English labels where they fit and drops them where they do not', () => {
    const wide = decoded(buildHallTicket(sampleTicket(80, { peopleAhead: 123, estimatedWaitMinutes: 125 })));
    expect(wide.lines.map((l) => l.text)).toContain('预计等待 约125分钟  Wait: ~125 min');
    const narrow = decoded(buildHallTicket(sampleTicket(58, { peopleAhead: 123, estimatedWaitMinutes: 125 })));
    expect(narrow.lines.map((l) => l.text)).toContain('预计等待 约125分钟');
  });

  it('says there is no estimate yet when the wait is unknown', () => {
    const ticket = decoded(buildHallTicket(sampleTicket(80, { estimatedWaitMinutes: null })));
    expect(ticket.lines.map((l) => l.text)).toContain('预计等待 暂无  Wait: n/a');
  });

  it('wraps a long hall name instead of letting the printer break it', () => {
    const hallName = '某某省某某市某某区人民政府政务服务中心不动产登记分中心';
    const ticket = decoded(buildHallTicket(sampleTicket(58, { hallName })));
    const nameLines = ticket.lines.filter((l) => l.height === 2 && l.width === 1).map((l) => l.text);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.join('')).toBe(hallName);
  });

  it('keeps a hall name with 㐀 intact, encoded as GB18030 in Chinese mode', () => {
    const bytes = buildHallTicket(sampleTicket(58, { hallName: '㐀家村便民服务中心' }));
    expect(bytes.includes(Buffer.from([0x1c, 0x26, 0x1b, 0x61, 0x01]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x81, 0x39, 0xee, 0x39]))).toBe(true);
    expect(decoded(bytes).lines.map((l) => l.text)).toContain('㐀家村便民服务中心');
  });

  it('drops control characters from the data so a name cannot inject a printer command', () => {
    const ticket = decoded(buildHallTicket(sampleTicket(58, { serviceName: '社保\x1dV\x00业务' })));
    expect(ticket.lines.map((l) => l.text)).toContain('社保V业务');
    expect(ticket.unknown).toEqual([]);
  });

  it('starts with ESC @ and ESC R 15 and ends with feed, partial cut and ESC @', () => {
    const bytes = buildHallTicket(sampleTicket(80));
    expect(bytes.subarray(0, 5)).toEqual(Buffer.from([0x1b, 0x40, 0x1b, 0x52, 0x0f]));
    expect(bytes.subarray(-8)).toEqual(Buffer.from([0x1b, 0x64, 0x04, 0x1d, 0x56, 0x01, 0x1b, 0x40]));
  });
});
