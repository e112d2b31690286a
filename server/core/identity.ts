/**
 * Identity rules that need no secret: the GB 11643 check digit and masking (from the shared protocol, so the phone page
 * and the card reader agree), age from birth date. The keyed hash needs the hall's secret and is computed outside.
 */
export { birthDateFromId, idCheckChar, isValidIdNumber, maskIdNumber, maskName } from '../../protocol/id-number.js';

/** Full years on the given hall day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
