import { hasValidCheckDigit } from './check-digit.js';
import { nationName } from './nations.js';
import { GENDER_CODES, LONG_TERM_VALIDITY, TEXT_FIELDS, type TextFieldName } from './protocol-constants.js';
import { driverError } from './status-codes.js';

export type Gender = 'male' | 'female' | 'unknown';

/** What a resident ID card says, decoded from its text block. Dates are 'YYYY-MM-DD'. */
export interface Identity {
  name: string;
  gender: Gender;
  /** Two digits as stored on the card ('01' 汉 ... '56', '97', '98'). */
  nationCode: string;
  /** The nation's name, or null when the card holds a code outside the published table. */
  nation: string | null;
  birthDate: string;
  address: string;
  /** 18 characters, the check character upper case, verified against GB 11643. */
  idNumber: string;
  authority: string;
  validFrom: string;
  /** A date, or 'long-term' for cards printed 长期 (no expiry). */
  validTo: string;
}

export const LONG_TERM = 'long-term';

/** Smallest block that still holds every field up to validTo. */
const MIN_TEXT_BYTES = TEXT_FIELDS.validTo.offset + TEXT_FIELDS.validTo.bytes;

/**
 * Decodes the 256-byte UCS-2LE text block. Throws IdCardError: ID_CARD_UNSUPPORTED_CARD for other card
 * layouts, ID_CARD_BAD_TEXT for a field that cannot be read, ID_CARD_CHECK_DIGIT for a wrong ID number.
 * Error details name the field, never its content.
 */
export function decodeIdentityText(block: Buffer): Identity {
  if (block.length < MIN_TEXT_BYTES) throw driverError('ID_CARD_BAD_TEXT', `text block of ${block.length} bytes`);
  const field = (name: TextFieldName) => readField(block, name);

  if (block.length >= TEXT_FIELDS.cardType.offset + TEXT_FIELDS.cardType.bytes) {
    const cardType = field('cardType');
    if (cardType !== '') throw driverError('ID_CARD_UNSUPPORTED_CARD', `card type ${cardType}`);
  }

  const idNumber = field('idNumber').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) throw driverError('ID_CARD_BAD_TEXT', 'idNumber');
  if (!hasValidCheckDigit(idNumber)) throw driverError('ID_CARD_CHECK_DIGIT');

  const nationCode = field('nation');
  const validTo = field('validTo');
  return {
    name: requireText(field('name'), 'name'),
    gender: genderOf(field('gender')),
    nationCode,
    nation: nationName(nationCode),
    birthDate: parseCardDate(field('birthDate'), 'birthDate'),
    address: field('address'),
    idNumber,
    authority: field('authority'),
    validFrom: parseCardDate(field('validFrom'), 'validFrom'),
    validTo: validTo.includes(LONG_TERM_VALIDITY) ? LONG_TERM : parseCardDate(validTo, 'validTo'),
  };
}

/** Cards pad with spaces, but some readers leave NULs; neither is part of the value. */
function readField(block: Buffer, name: TextFieldName): string {
  const { offset, bytes } = TEXT_FIELDS[name];
  return block
    .subarray(offset, offset + bytes)
    .toString('utf16le')
    .replace(/\u0000/g, ' ')
    .trim();
}

function requireText(value: string, fieldName: string): string {
  if (value === '') throw driverError('ID_CARD_BAD_TEXT', fieldName);
  return value;
}

function genderOf(code: string): Gender {
  return (GENDER_CODES as Record<string, Gender>)[code] ?? 'unknown';
}

/** YYYYMMDD -> YYYY-MM-DD, refusing anything that is not a real calendar date. */
export function parseCardDate(value: string, fieldName: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) throw driverError('ID_CARD_BAD_TEXT', fieldName);
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    throw driverError('ID_CARD_BAD_TEXT', fieldName);
  }
  return `${year}-${month}-${day}`;
}
