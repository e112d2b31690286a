/** The five 好差评 levels (国办发〔2019〕51号); 2 and 1 are a bad rating. Shown best first, as the national pads do. */
export const ratingLevels = [
  { level: 5, zh: '非常满意', en: 'Very satisfied' },
  { level: 4, zh: '满意', en: 'Satisfied' },
  { level: 3, zh: '基本满意', en: 'Fair' },
  { level: 2, zh: '不满意', en: 'Dissatisfied' },
  { level: 1, zh: '非常不满意', en: 'Very dissatisfied' },
] as const;

export type RatingLevel = (typeof ratingLevels)[number]['level'];

/** Stars drawn from a CJK font's own glyphs: hall PCs rarely carry an emoji font. */
export function stars(level: number): string {
  return '★'.repeat(level) + '☆'.repeat(5 - level);
}
