import type { Text } from '../../../protocol/i18n.js';
import { fill } from './bilingual.js';

const minutes: Text = { zh: '约 {n} 分钟', en: 'about {n} min' };
const soon: Text = { zh: '即将叫号', en: 'very soon' };

/** The estimated wait as the kiosk and the phone say it, in both languages: under a minute is "very soon". */
export function waitText(etaMinutes: number): Text {
  return etaMinutes < 1 ? soon : fill(minutes, { n: Math.round(etaMinutes) });
}
