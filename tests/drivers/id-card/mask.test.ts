import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from '../../../drivers/id-card/mask.js';

describe('masked forms for logs', () => {
  it('keeps the region and the last four characters of an ID number', () => {
    expect(maskIdNumber('11010619780808005X')).toBe('110106********005X');
  });

  it('keeps only the family name (two characters for a four-character name)', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('赵㐀')).toBe('赵*');
  });
});
