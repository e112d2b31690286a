/**
 * Every byte-level fact of the GA 467 SAM protocol the driver relies on, in one place, so that a reader
 * which disagrees with the published figures can be accommodated by editing this file alone.
 */

/** Starts every frame in both directions. */
export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);

/** Preamble + the two big-endian length bytes; LEN counts everything after them, checksum included. */
export const HEADER_BYTES = PREAMBLE.length + 2;
export const LENGTH_OFFSET = PREAMBLE.length;
export const BODY_OFFSET = HEADER_BYTES;
export const CHECKSUM_BYTES = 1;

/** Smallest sane LEN: a request's CMD PARA + checksum. */
export const MIN_LEN = 3;
/** Largest sane LEN; text + photo + fingerprint is 2314, so anything far above is a false preamble. */
export const MAX_LEN = 4096;

/** Response body starts with SW1 SW2 (always 00 00) and SW3 (the status). */
export const STATUS_BYTES = 3;

export interface Command {
  readonly cmd: number;
  readonly para: number;
}

export const COMMANDS = {
  samId: { cmd: 0x12, para: 0xff },
  samStatus: { cmd: 0x11, para: 0xff },
  findCard: { cmd: 0x20, para: 0x01 },
  selectCard: { cmd: 0x20, para: 0x02 },
  readTextAndPhoto: { cmd: 0x30, para: 0x01 },
  readExtraAddress: { cmd: 0x30, para: 0x03 },
  readWithFingerprint: { cmd: 0x30, para: 0x10 },
} as const satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

/** SW3 values that mean success (everything else is a failure listed in status-codes.ts). */
export const SW3_SUCCESS = 0x90;
export const SW3_FIND_OK = 0x9f;
export const SW3_NO_CARD = 0x80;

/** Data after SW3 in the read reply: text length, photo length (both big-endian), then the blocks. */
export const READ_REPLY = {
  lengthFieldBytes: 2,
  textBytes: 256,
  photoBytes: 1024,
  fingerprintBytes: 1024,
} as const;

/** Extra data after SW3 in the canned find-ok and select-ok replies. */
export const FIND_OK_DATA_BYTES = 4;
export const SELECT_OK_DATA_BYTES = 8;

/** Text block fields: byte offset and width, UCS-2LE, padded with spaces. */
export const TEXT_FIELDS = {
  name: { offset: 0, bytes: 30 },
  gender: { offset: 30, bytes: 2 },
  nation: { offset: 32, bytes: 4 },
  birthDate: { offset: 36, bytes: 16 },
  address: { offset: 52, bytes: 70 },
  idNumber: { offset: 122, bytes: 36 },
  authority: { offset: 158, bytes: 30 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
  reserved: { offset: 220, bytes: 36 },
  /**
   * Card type letter inside the reserved area as public implementations read it (I: foreign permanent
   * resident card, J: HK/Macau/Taiwan residence permit; blank on a resident ID card). Not verified
   * against a device: it is used only to refuse other layouts, never to decode them.
   */
  cardType: { offset: 248, bytes: 2 },
} as const;

export type TextFieldName = keyof typeof TEXT_FIELDS;

export const GENDER_CODES = { '1': 'male', '2': 'female' } as const;
export const LONG_TERM_VALIDITY = '长期';
