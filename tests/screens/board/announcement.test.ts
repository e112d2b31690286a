import { describe, expect, it } from 'vitest';
import { buildAnnouncement, windowNumberTokens } from '../../../display-board/src/voice/announcement.js';
import { parseAnnouncement, toPinyin } from '../../../server/voice/announcement-alphabet.js';

describe('what a call sounds like', () => {
  it('reads the ticket number digit by digit and names the window', () => {
    const a = buildAnnouncement('A012', 3);
    expect(a.text).toBe('请 A 零 一 二 号 到 三 号窗口 办理');
    expect(a.tokens).toEqual(['请', 'A', '0', '1', '2', '号', '到', '3', '号', '窗口', '办理']);
  });

  it('says window numbers the way people say them', () => {
    expect(buildAnnouncement('B100', 12).text).toBe('请 B 一 零 零 号 到 十二 号窗口 办理');
    expect(windowNumberTokens(10)).toEqual(['十']);
    expect(windowNumberTokens(20)).toEqual(['2', '十']);
    expect(windowNumberTokens(35)).toEqual(['3', '十', '5']);
    expect(windowNumberTokens(101)).toEqual(['1', '百', '0', '1']);
    expect(windowNumberTokens(110)).toEqual(['1', '百', '1', '十']);
    expect(windowNumberTokens(1200)).toEqual(['1', '2', '0', '0']);
  });

  it('keeps two-letter prefixes as letters', () => {
    expect(buildAnnouncement('AB007', 1).text).toBe('请 A B 零 零 七 号 到 一 号窗口 办理');
  });

  it('is accepted by the server voice exactly as the board builds it, for every window and number, in both forms', () => {
    for (const [number, win] of [['A012', 3], ['K999', 12], ['ZZ000', 110], ['C305', 99]] as const) {
      for (const form of ['full', 'short'] as const) {
        const a = buildAnnouncement(number, win, form);
        expect(parseAnnouncement(a.text), a.text).not.toBeNull();
      }
    }
  });

  it('says a call short, for calls said back to back, with no word a voice pack has for the full sentence missing', () => {
    const a = buildAnnouncement('C001', 13, 'short');
    expect(a.text).toBe('C 零 零 一 号 十三 号窗口');
    expect(a.tokens).toEqual(['C', '0', '0', '1', '号', '十', '3', '号', '窗口']);
    expect(a.textEn).toBe('Number C 0 0 1, window 13');
    for (const [number, win] of [['A012', 3], ['ZZ000', 110], ['C305', 99]] as const) {
      const full = new Set(buildAnnouncement(number, win).tokens);
      expect(buildAnnouncement(number, win, 'short').tokens.every((t) => full.has(t))).toBe(true);
    }
  });

  it('hands the pinyin voice tone-numbered syllables, with the letter A spelled as it is said', () => {
    expect(toPinyin(parseAnnouncement('请 A 零 一 二 号 到 三 号窗口 办理')!))
      .toBe('qing3 ei1 ling2 yi1 er4 hao4 dao4 san1 hao4 chuang1 kou3 ban4 li3');
  });

  it('refuses anything outside the announcement words', () => {
    expect(parseAnnouncement('请 张三 到 三 号窗口')).toBeNull();
    expect(parseAnnouncement('-v en hello')).toBeNull();
    expect(parseAnnouncement('a')).toBeNull();
    expect(parseAnnouncement('')).toBeNull();
    expect(parseAnnouncement('一'.repeat(81))).toBeNull();
  });
});
