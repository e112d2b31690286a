import { READ_REPLY } from './protocol-constants.js';
import { driverError } from './status-codes.js';

/** The blocks of a read reply, as they follow SW3. The photo is WLT-compressed and stays opaque. */
export interface CardBlocks {
  text: Buffer;
  photo: Buffer;
  /** Present only in replies to the read-with-fingerprint command. */
  fingerprint?: Buffer;
}

const LEN = READ_REPLY.lengthFieldBytes;

/** Splits the data after SW3 by its own length fields; throws ID_CARD_BAD_REPLY if they do not add up. */
export function decodeReadReply(data: Buffer, withFingerprint = false): CardBlocks {
  const fieldCount = withFingerprint ? 3 : 2;
  if (data.length < LEN * fieldCount) throw driverError('ID_CARD_BAD_REPLY', `read reply of ${data.length} bytes`);
  const lengths = Array.from({ length: fieldCount }, (_, i) => data.readUInt16BE(i * LEN));
  const needed = LEN * fieldCount + lengths.reduce((a, b) => a + b, 0);
  if (data.length < needed) {
    throw driverError('ID_CARD_BAD_REPLY', `read reply declares ${needed} bytes, has ${data.length}`);
  }
  let at = LEN * fieldCount;
  const take = (bytes: number) => {
    const block = Buffer.from(data.subarray(at, at + bytes));
    at += bytes;
    return block;
  };
  const text = take(lengths[0]);
  const photo = take(lengths[1]);
  return withFingerprint ? { text, photo, fingerprint: take(lengths[2]) } : { text, photo };
}

export function encodeReadReplyData(blocks: CardBlocks): Buffer {
  const parts = [blocks.text, blocks.photo, ...(blocks.fingerprint ? [blocks.fingerprint] : [])];
  const lengths = Buffer.alloc(LEN * parts.length);
  parts.forEach((part, i) => lengths.writeUInt16BE(part.length, i * LEN));
  return Buffer.concat([lengths, ...parts]);
}
