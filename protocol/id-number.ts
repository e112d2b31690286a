/**
 * Facts of the resident ID number (GB 11643) and how the hall shows it, shared by the server, the phone page and
 * the card reader driver so all three agree on what a valid number is and what a masked one looks like.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

/** 17 digits and the matching check character (x accepted for X). */
export function hasValidCheckDigit(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17].toUpperCase();
}

/** 'YYYY-MM-DD' from digits 7..14, or null when that is not a real date. */
export function birthDateFromId(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** A valid check digit and a real birth date. */
export function isValidIdNumber(id: string): boolean {
  return hasValidCheckDigit(id) && birthDateFromId(id) !== null;
}

/** 110101********001X: region and the last four stay, so staff can confirm a person without seeing the number. */
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? '*'.repeat(id.length) : id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4).toUpperCase();
}

/** 张* / 欧阳** : the family name only (a two-character family name is kept for four-character names). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}
