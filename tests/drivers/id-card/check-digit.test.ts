import { describe, expect, it } from 'vitest';
import { checkCharacterOf, hasValidCheckDigit } from '../../../drivers/id-card/check-digit.js';

describe('GB 11643 check digit', () => {
  it('computes the check character from the weighted sum mod 11', () => {
    // 1*7+1*9+0+1*5+0+1*4+1*2+9*1+9*6+0+0+1*9+0+1*5+0+0+1*2 = 106; 106 mod 11 = 7 -> '5'
    expect(checkCharacterOf('11010119900101001')).toBe('5');
    expect(checkCharacterOf('11010619780808005')).toBe('X');
  });

  it('maps every remainder to its published character', () => {
    const seen = new Set<string>();
    for (let n = 0; seen.size < 11 && n < 10_000; n++) seen.add(checkCharacterOf(`1101011990010${String(n).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('accepts a number whose last character matches and refuses one that does not', () => {
    expect(hasValidCheckDigit('110101199001010015')).toBe(true);
    expect(hasValidCheckDigit('110101199001010016')).toBe(false);
    expect(hasValidCheckDigit('11010619780808005X')).toBe(true);
  });

  it('refuses numbers of the wrong shape', () => {
    expect(hasValidCheckDigit('11010119900101001')).toBe(false);
    expect(hasValidCheckDigit('1101011990010100155')).toBe(false);
  });

  it('accepts a lower-case x as typed on a phone, since it stands for the same check character', () => {
    expect(hasValidCheckDigit('11010619780808005x')).toBe(hasValidCheckDigit('11010619780808005X'));
  });
});
