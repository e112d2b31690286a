import type { RatingLevel, RatingReason } from '../../../protocol/ratings.js';
import { isBadRatingLevel } from '../../../protocol/rating-rules.js';

/** The five 好差评 levels (国办发〔2019〕51号); 2 and 1 are a bad rating. Shown best first, as the national pads do. */
export const ratingLevels: { level: RatingLevel; zh: string; en: string }[] = [
  { level: 5, zh: '非常满意', en: 'Very satisfied' },
  { level: 4, zh: '满意', en: 'Satisfied' },
  { level: 3, zh: '基本满意', en: 'Fair' },
  { level: 2, zh: '不满意', en: 'Dissatisfied' },
  { level: 1, zh: '非常不满意', en: 'Very dissatisfied' },
];

export const isBadRating = (level: RatingLevel): boolean => isBadRatingLevel(level);

/**
 * Why a visitor was dissatisfied. Typed against the protocol's reasons (a Record over the union, so a reason added
 * there fails the build here) without pulling the schema library into the screen.
 */
const reasonNames: Record<RatingReason, { zh: string; en: string }> = {
  attitude: { zh: '服务态度', en: 'Attitude' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  knowledge: { zh: '业务水平', en: 'Knowledge' },
  environment: { zh: '服务环境', en: 'Environment' },
  other: { zh: '其他', en: 'Other' },
};
export const ratingReasons = (Object.keys(reasonNames) as RatingReason[]).map((code) => ({ code, ...reasonNames[code] }));

/** Stars drawn from a CJK font's own glyphs: hall PCs rarely carry an emoji font. */
export function stars(level: number): string {
  return '★'.repeat(level) + '☆'.repeat(5 - level);
}

export type { RatingLevel, RatingReason };
