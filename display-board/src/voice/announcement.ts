/**
 * What a call sounds like. Tokens are the keys of a voice pack's clips; the text is what the server's voice and
 * the browser's voice are given. The ticket number is read digit by digit ("A 零 一 二", never "A 十二"), so a
 * visitor hears exactly what is printed; the window number is said as a number ("十二 号窗口").
 *
 * Two forms: the full sentence "请 A 零 一 二 号 到 三 号窗口 办理" for a call said on its own, and the short
 * "A 零 一 二 号 三 号窗口" for calls said back to back when several wait (see announcer.ts): four syllables fewer,
 * 1.7 s less of the server's speech, and the 号 after the number still keeps it apart from the window's. The short
 * form uses no word the full form lacks, so whatever voice can say a call in full can say it short.
 */
export type AnnouncementForm = 'full' | 'short';

export interface Announcement {
  form: AnnouncementForm;
  tokens: string[];
  text: string;
  /** The same call in English, for the screen (halls that want English speech use a voice pack or browser voice). */
  textEn: string;
}

const digitWords = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese number words as voice-pack tokens: 3 -> [3], 12 -> [十, 2], 20 -> [2, 十], 105 -> [1, 百, 0, 5]. */
export function windowNumberTokens(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n).split('');
  if (n < 10) return [String(n)];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return [...(tens === 1 ? [] : [String(tens)]), '十', ...(ones ? [String(ones)] : [])];
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return [String(hundreds), '百'];
  if (rest < 10) return [String(hundreds), '百', '0', String(rest)];
  // 110 is 一百一十, not 一百十.
  const tail = windowNumberTokens(rest);
  return [String(hundreds), '百', ...(tail[0] === '十' ? ['1'] : []), ...tail];
}

/** Letters stay letters, digits become their clip keys '0'-'9'; anything else (never in a number) is dropped. */
export function ticketNumberTokens(number: string): string[] {
  return number.toUpperCase().split('').filter((c) => /[A-Z0-9]/.test(c));
}

export function spokenWord(token: string): string {
  return /^[0-9]$/.test(token) ? digitWords[Number(token)] : token;
}

export function buildAnnouncement(ticketNumber: string, windowNumber: number, form: AnnouncementForm = 'full'): Announcement {
  const numberTokens = ticketNumberTokens(ticketNumber);
  const windowTokens = windowNumberTokens(windowNumber);
  const spokenNumber = numberTokens.map(spokenWord).join(' ');
  const spokenWindow = windowTokens.map(spokenWord).join('');
  const spacedNumber = ticketNumber.split('').join(' ');
  if (form === 'short') {
    return {
      form,
      tokens: [...numberTokens, '号', ...windowTokens, '号', '窗口'],
      text: `${spokenNumber} 号 ${spokenWindow} 号窗口`,
      textEn: `Number ${spacedNumber}, window ${windowNumber}`,
    };
  }
  return {
    form,
    tokens: ['请', ...numberTokens, '号', '到', ...windowTokens, '号', '窗口', '办理'],
    text: `请 ${spokenNumber} 号 到 ${spokenWindow} 号窗口 办理`,
    textEn: `Number ${spacedNumber}, please go to window ${windowNumber}`,
  };
}
