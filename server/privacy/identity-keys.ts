import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { birthDateFromId, maskIdNumber, maskName } from '../core/identity.js';
import type { Person } from '../core/types.js';

/** A full identity as read from a card or typed on the phone. It lives in memory, or sealed in the vault, only. */
export interface FullIdentity {
  name: string;
  idNumber: string;
  gender?: string;
  nation?: string;
  birthDate?: string;
  address?: string;
}

/**
 * The keyed hash lets the hall match one person across tickets and appointments without keeping the number:
 * without the key, the 18 digits cannot be recovered by trying every birth date and region.
 */
export function hashIdNumber(idNumber: string, key: Buffer): string {
  return createHmac('sha256', key).update(idNumber.toUpperCase()).digest('base64url');
}

export function personOf(identity: FullIdentity, hashKey: Buffer): Person {
  const idNumber = identity.idNumber.toUpperCase();
  return {
    idHash: hashIdNumber(idNumber, hashKey),
    idMasked: maskIdNumber(idNumber),
    nameMasked: maskName(identity.name),
    birthDate: identity.birthDate ?? birthDateFromId(idNumber),
  };
}

/** AES-256-GCM: iv (12) + tag (16) + ciphertext. */
export function seal(identity: FullIdentity, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(sealed: Buffer, key: Buffer): FullIdentity {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as FullIdentity;
}
