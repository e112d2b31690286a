import { describe, expect, it } from 'vitest';
import { decodeIdentityText } from '../../../drivers/id-card/identity.js';
import { encodeIdentityText, type CardText } from '../../../drivers/id-card/identity-encoder.js';
import { TEXT_FIELDS } from '../../../drivers/id-card/protocol-constants.js';
import { FIXTURE_IDENTITIES } from '../../../drivers/simulators/fixtures/id-card-identities.js';

const zhangSan = FIXTURE_IDENTITIES[0];

function withField(block: Buffer, field: keyof typeof TEXT_FIELDS, value: string, pad = ' '): Buffer {
  const copy = Buffer.from(block);
  const { offset, bytes } = TEXT_FIELDS[field];
  Buffer.from(value.padEnd(bytes / 2, pad), 'utf16le').copy(copy, offset);
  return copy;
}

describe('identity text block', () => {
  it.each(FIXTURE_IDENTITIES.map((identity) => [identity.idNumber.slice(-4), identity]))(
    'decodes what was encoded for the fixture card ending %s',
    (_, identity) => {
      expect(decodeIdentityText(encodeIdentityText(identity))).toEqual(identity);
    },
  );

  it('lays the fields out at the published offsets in UCS-2LE padded with spaces', () => {
    const block = encodeIdentityText(zhangSan);
    expect(block.length).toBe(256);
    expect(block.subarray(0, 6)).toEqual(Buffer.from('张三 ', 'utf16le'));
    expect(block.subarray(30, 32).toString('utf16le')).toBe('1');
    expect(block.subarray(32, 36).toString('utf16le')).toBe('01');
    expect(block.subarray(36, 52).toString('utf16le')).toBe('19900101');
    expect(block.subarray(122, 158).toString('utf16le')).toBe('110101199001010015');
    expect(block.subarray(204, 220).toString('utf16le')).toBe('20350301');
    expect(block.subarray(220, 256)).toEqual(Buffer.alloc(36, Buffer.from([0x20, 0x00])));
  });

  it('reads 长期 as a long-term validity', () => {
    const block = withField(encodeIdentityText(zhangSan), 'validTo', '长期');
    expect(decodeIdentityText(block).validTo).toBe('long-term');
  });

  it('keeps a rare character such as 㐀 in the name', () => {
    expect(decodeIdentityText(encodeIdentityText(FIXTURE_IDENTITIES[3])).name).toBe('赵㐀');
  });

  it('refuses an ID number whose check digit is wrong, with a typed bilingual error', () => {
    const card: CardText = { ...zhangSan, idNumber: '110101199001010016' };
    expect(() => decodeIdentityText(encodeIdentityText(card))).toThrow(
      expect.objectContaining({ code: 'ID_CARD_CHECK_DIGIT', text: { zh: '公民身份号码校验位错误', en: expect.any(String) } }),
    );
  });

  it('never puts the ID number into the error it raises', () => {
    const card: CardText = { ...zhangSan, idNumber: '110101199001010016' };
    let message = '';
    try {
      decodeIdentityText(encodeIdentityText(card));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('110101199001010016');
  });

  it('trims NUL padding left by some readers', () => {
    let block = withField(encodeIdentityText(zhangSan), 'name', '张三', '\u0000');
    block = withField(block, 'address', zhangSan.address, '\u0000');
    const identity = decodeIdentityText(block);
    expect(identity.name).toBe('张三');
    expect(identity.address).toBe(zhangSan.address);
  });

  it('upper-cases a lower-case x check character', () => {
    const block = withField(encodeIdentityText(FIXTURE_IDENTITIES[4]), 'idNumber', '11010619780808005x');
    expect(decodeIdentityText(block).idNumber).toBe('11010619780808005X');
  });

  it('reports gender codes other than 1 and 2 as unknown, and keeps an unlisted nation code', () => {
    let block = withField(encodeIdentityText(zhangSan), 'gender', '9');
    block = withField(block, 'nation', '77');
    const identity = decodeIdentityText(block);
    expect(identity.gender).toBe('unknown');
    expect(identity).toMatchObject({ nationCode: '77', nation: null });
  });

  it('names every nation of the published table, including 97 and 98', () => {
    const of = (code: string) => decodeIdentityText(withField(encodeIdentityText(zhangSan), 'nation', code)).nation;
    expect(of('56')).toBe('基诺');
    expect(of('97')).toBe('其他');
    expect(of('98')).toBe('外国血统中国籍人士');
  });

  it('refuses a date that is not on the calendar', () => {
    const block = withField(encodeIdentityText(zhangSan), 'validFrom', '20150231');
    expect(() => decodeIdentityText(block)).toThrow(expect.objectContaining({ code: 'ID_CARD_BAD_TEXT' }));
  });

  it('refuses other card layouts marked in the card type position', () => {
    const block = withField(encodeIdentityText(zhangSan), 'cardType', 'I');
    expect(() => decodeIdentityText(block)).toThrow(expect.objectContaining({ code: 'ID_CARD_UNSUPPORTED_CARD' }));
  });

  it('refuses a block too short to hold the fields', () => {
    expect(() => decodeIdentityText(Buffer.alloc(100))).toThrow(expect.objectContaining({ code: 'ID_CARD_BAD_TEXT' }));
  });
});
