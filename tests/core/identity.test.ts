import { describe, expect, it } from 'vitest';
import { ageOn, birthDateFromId, idCheckChar, isValidIdNumber, maskIdNumber, maskName } from '../../server/core/identity.js';
import { idNumberFor } from './hall-fixture.js';

describe('masked names', () => {
  it.each([
    ['张', '张*'],
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    [' 李四 ', '李*'],
    ['', ''],
  ])('%s is shown as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows a name as it is', () => {
    for (const name of ['张', '张三', '王小明', '欧阳娜娜', '买买提·艾力']) expect(maskName(name)).not.toBe(name);
  });
});

describe('masked ID numbers', () => {
  it('keep the region and the last four characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('show a lower-case check character as X', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('keep the same shape for an old 15-digit number', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });

  it('hide a short number entirely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('the GB 11643 check digit', () => {
  it.each(['11010519491231002X', '11010519491231002x', '440524188001010014', '110101199003070011'])('accepts %s', (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('computes the check character X when the weighted sum leaves 2', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('11010119900307001')).toBe('1');
  });

  it.each([
    ['a wrong check digit', '110101199003070012'],
    ['X where a digit belongs', '11010119900307001X'],
    ['a digit where X belongs', '110105194912310020'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['a letter inside', '1101051949123A002X'],
  ])('refuses %s', (_what, id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });

  it('refuses a number with a correct check digit but a birth date that does not exist', () => {
    const feb30 = idNumberFor('19990230');
    const month13 = idNumberFor('19991301');
    const before1880 = idNumberFor('18700101');
    for (const id of [feb30, month13, before1880]) {
      expect(idCheckChar(id.slice(0, 17))).toBe(id[17]);
      expect(isValidIdNumber(id)).toBe(false);
    }
  });

  it('reads the birth date, and accepts 29 February in a leap year only', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(isValidIdNumber(idNumberFor('20000229'))).toBe(true);
    expect(isValidIdNumber(idNumberFor('19000229'))).toBe(false);
  });
});

describe('age on a hall day', () => {
  it('turns on the birthday, not the day before', () => {
    expect(ageOn('1961-11-23', '2026-11-22')).toBe(64);
    expect(ageOn('1961-11-23', '2026-11-23')).toBe(65);
  });

  it('counts a month not yet reached as the year before', () => {
    expect(ageOn('1961-12-01', '2026-11-30')).toBe(64);
    expect(ageOn('1961-01-31', '2026-11-30')).toBe(65);
  });

  it('lets someone born on 29 February age on 1 March in common years', () => {
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-29')).toBe(64);
  });
});
