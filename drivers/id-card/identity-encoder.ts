import { LONG_TERM, type Identity } from './identity.js';
import { LONG_TERM_VALIDITY, READ_REPLY, TEXT_FIELDS, type TextFieldName } from './protocol-constants.js';

/** The fields a card carries; the nation's name is derived from its code on decoding. */
export type CardText = Omit<Identity, 'nation'>;

const SPACE_UCS2LE = Buffer.from([0x20, 0x00]);

/**
 * Builds the text block a card would hold (the simulator's side of decodeIdentityText). The ID number is
 * written as given, check digit and all, so tests can make cards that must be refused.
 */
export function encodeIdentityText(card: CardText): Buffer {
  const block = Buffer.alloc(READ_REPLY.textBytes);
  for (let i = 0; i < block.length; i += 2) SPACE_UCS2LE.copy(block, i);
  const write = (name: TextFieldName, value: string) => {
    const { offset, bytes } = TEXT_FIELDS[name];
    const encoded = Buffer.from(value, 'utf16le');
    if (encoded.length > bytes) throw new RangeError(`${name} is longer than ${bytes / 2} characters`);
    encoded.copy(block, offset);
  };
  write('name', card.name);
  write('gender', card.gender === 'male' ? '1' : card.gender === 'female' ? '2' : '0');
  write('nation', card.nationCode);
  write('birthDate', cardDate(card.birthDate));
  write('address', card.address);
  write('idNumber', card.idNumber);
  write('authority', card.authority);
  write('validFrom', cardDate(card.validFrom));
  write('validTo', card.validTo === LONG_TERM ? LONG_TERM_VALIDITY : cardDate(card.validTo));
  return block;
}

function cardDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return isoDate.replace(/-/g, '');
}
