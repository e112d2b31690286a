import type { Text } from '../../../protocol/i18n.js';
import { birthDateFromId, hasValidCheckDigit } from '../../../protocol/id-number.js';
import { words } from './phone-words.js';

/** The ID number as typed, checked on the page before it is sent (the server checks it again). */
export function idNumberProblem(raw: string): Text | null {
  const id = raw.trim().toUpperCase();
  if (!id) return words.idMissing;
  if (!/^\d{17}[\dX]$/.test(id)) return words.idShape;
  if (!hasValidCheckDigit(id)) return words.idCheck;
  if (!birthDateFromId(id)) return words.idBirth;
  return null;
}

export function nameProblem(raw: string): Text | null {
  return raw.trim() ? null : words.nameMissing;
}
