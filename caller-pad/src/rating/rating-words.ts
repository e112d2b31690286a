import type { Text } from '../../../protocol/i18n.js';

/** The rating screen's sentences about the bad-rating form and about giving up, Chinese first. */
export const words = {
  noteLabel: { zh: '请简要说明“其他”原因（必填）', en: 'Tell us briefly what went wrong (required for "Other")' },
  noteNeeded: { zh: '请先填写说明，再提交', en: 'Please write a few words first, then send' },
  sending: { zh: '正在提交…', en: 'Sending…' },
  idleSoon: { zh: '{n} 秒后将放弃本次评价，触摸屏幕可继续', en: 'This rating will be dropped in {n} s; touch the screen to go on' },
  closingSoon: { zh: '评价将在 {n} 秒后关闭，请尽快提交', en: 'Rating closes in {n} s; please send it now' },
  notSent: { zh: '本次评价未提交', en: 'Your rating was not sent' },
  timeUp: { zh: '评价时间已到，未记录任何评价', en: 'Time ran out; nothing was recorded' },
  byPhone: { zh: '您仍可扫描号票上的二维码，在手机上评价', en: 'You can still rate on your phone: scan the QR code on your ticket' },
} satisfies Record<string, Text>;

/** Fills {n} in both languages. */
export function withCount(text: Text, n: number): Text {
  return { zh: text.zh.replace('{n}', String(n)), en: text.en.replace('{n}', String(n)) };
}
