/**
 * The only words a board ever asks the server to say. Restricting synthesis to this alphabet keeps the endpoint
 * from becoming a general speech service (anyone holding a board token could otherwise make the hall say anything)
 * and keeps the cache small: a hall has a few hundred distinct announcements a day.
 */
const wordPinyin: Record<string, string> = {
  请: 'qing3', 号: 'hao4', 到: 'dao4', 窗口: 'chuang1 kou3', 办理: 'ban4 li3',
  零: 'ling2', 一: 'yi1', 二: 'er4', 三: 'san1', 四: 'si4', 五: 'wu3', 六: 'liu4', 七: 'qi1', 八: 'ba1', 九: 'jiu3',
  十: 'shi2', 百: 'bai3',
};

/**
 * The pinyin voice hands capital letters to its English rules, which read most of them as halls do ("B" = bee).
 * "A" alone comes out as the article "uh", so it is written the way Chinese speakers say the letter.
 */
const letterOverrides: Record<string, string> = { A: 'ei1' };

export const maxAnnouncementLength = 80;

/** Splits an announcement into alphabet words; null if anything else is in it. Spaces only separate. */
export function parseAnnouncement(text: string): string[] | null {
  if (text.length === 0 || text.length > maxAnnouncementLength) return null;
  const words: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (rest[0] === ' ') {
      rest = rest.slice(1);
      continue;
    }
    const word = rest.startsWith('窗口') ? '窗口' : rest.startsWith('办理') ? '办理' : rest[0];
    if (!(word in wordPinyin) && !/^[A-Z]$/.test(word)) return null;
    words.push(word);
    rest = rest.slice(word.length);
  }
  return words.length > 0 ? words : null;
}

/** What the cmn-latn-pinyin voice is given: tone-numbered pinyin, letters as capitals. */
export function toPinyin(words: string[]): string {
  return words.map((w) => wordPinyin[w] ?? letterOverrides[w] ?? w).join(' ');
}
