import { describe, expect, it } from 'vitest';
import { errorForStatus, IdCardError, SW3_FAILURES } from '../../../drivers/id-card/status-codes.js';

describe('SW3 status codes', () => {
  it('lists every failure status of the reference', () => {
    const published = [0x91, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81];
    expect(Object.keys(SW3_FAILURES).map(Number).sort((a, b) => a - b)).toEqual(published.sort((a, b) => a - b));
  });

  it.each([
    ['80', 0x80, 'ID_CARD_NO_CARD', '未找到身份证'],
    ['41', 0x41, 'ID_CARD_READ_FAILED', '读卡失败，请重新放置身份证'],
    ['81', 0x81, 'ID_CARD_SELECT_FAILED', '选卡失败，请重新放置身份证'],
    ['60', 0x60, 'ID_CARD_SAM_SELF_TEST_FAILED', '安全模块自检失败'],
  ])('turns SW3 0x%s into a typed error with a stable code and both languages', (_, sw3, code, zh) => {
    const error = errorForStatus(sw3);
    expect(error).toBeInstanceOf(IdCardError);
    expect(error).toMatchObject({ code, sw3, text: { zh } });
    expect(error.text.en.length).toBeGreaterThan(0);
  });

  it('gives every listed status a distinct code', () => {
    const codes = Object.values(SW3_FAILURES).map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps an unlisted status as unknown, with its value for the log', () => {
    const error = errorForStatus(0x55);
    expect(error).toMatchObject({ code: 'ID_CARD_UNKNOWN_STATUS', sw3: 0x55 });
    expect(error.message).toContain('0x55');
  });
});
