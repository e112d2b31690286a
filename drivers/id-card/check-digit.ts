/** GB 11643: weights for the first 17 digits of a citizen ID number. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (weighted sum mod 11) = index. */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;

/** The check character for the first 17 digits; throws if given anything else (a programming error). */
export function checkCharacterOf(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True for 17 digits followed by the matching check character (X in upper case). */
export function hasValidCheckDigit(idNumber: string): boolean {
  if (!SHAPE.test(idNumber)) return false;
  return checkCharacterOf(idNumber.slice(0, 17)) === idNumber[17];
}
