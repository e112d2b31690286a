import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Announcement } from '../../../display-board/src/voice/announcement.js';
import { Announcer, staleAfterHeldMs, type AnnouncementRecord, type CallToAnnounce } from '../../../display-board/src/voice/announcer.js';
import type { AnnouncerSound, Voice, VoiceSource } from '../../../display-board/src/voice/voice.js';

/**
 * The board's announcement queue on a fake clock, with voices timed like the hall's own: the chime rings 1.7 s and
 * the server's speech takes about half a second a word (espeak-ng's pinyin voice says "请 C 零 零 一 号 到 三 号窗口
 * 办理", 11 words, in 5.8 s); a recorded voice pack is a little quicker. The browser test
 * (announcement-burst.test.ts) plays the same queue through real audio.
 */
const chimeMs = 1700;
const serverMsPerWord = 500;

interface Said { text: string; source: VoiceSource; at: number }

function fakeSound(startBlocked = false) {
  let blocked = startBlocked;
  const waiting: (() => void)[] = [];
  const sound: AnnouncerSound & { chimes: number } = {
    chimes: 0,
    get blocked() { return blocked; },
    whenUnblocked: () => (blocked ? new Promise<void>((r) => waiting.push(r)) : Promise.resolve()),
    chime: () => { sound.chimes++; return new Promise((r) => setTimeout(r, chimeMs)); },
  };
  return { sound, unblock: () => { blocked = false; waiting.splice(0).forEach((r) => r()); } };
}

function timedVoice(source: VoiceSource, msPerWord: number, said: Said[], canSay: (a: Announcement) => boolean = () => true) {
  const prepared: string[] = [];
  const voice: Voice = {
    source, canSay,
    say: async (a) => {
      await new Promise((r) => setTimeout(r, a.tokens.length * msPerWord));
      said.push({ text: a.text, source, at: Date.now() });
    },
    prepare: (a) => { prepared.push(a.text); },
  };
  return { voice, prepared };
}

const call = (n: number, windowNumber = n, recall = false): CallToAnnounce =>
  ({ ticketId: n, number: `C${String(n).padStart(3, '0')}`, windowNumber, recall });

async function untilQuiet(announcer: Announcer, limitMs = 600_000): Promise<AnnouncementRecord[]> {
  for (let t = 0; t < limitMs; t += 100) {
    const records = announcer.records();
    if (records.every((r) => r.status !== 'queued' && r.status !== 'playing')) return records;
    await vi.advanceTimersByTimeAsync(100);
  }
  throw new Error('the announcer never went quiet');
}

/** Calls made within 270 ms, as when a dozen windows press 叫号 at opening time. */
async function burst(announcer: Announcer, count: number): Promise<number> {
  const start = Date.now();
  for (let n = 1; n <= count; n++) {
    announcer.enqueue(call(n));
    await vi.advanceTimersByTimeAsync(Math.floor(270 / count));
  }
  return start;
}

describe('the board announcing calls', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('says a call to a quiet hall as it always has: a chime, then the whole sentence', async () => {
    const said: Said[] = [];
    const { sound } = fakeSound();
    const announcer = new Announcer(sound, [timedVoice('server', serverMsPerWord, said).voice]);
    announcer.enqueue(call(1, 3));
    const [record] = await untilQuiet(announcer);
    expect(sound.chimes).toBe(1);
    expect(said.map((s) => s.text)).toEqual(['请 C 零 零 一 号 到 三 号窗口 办理']);
    expect(record).toMatchObject({ status: 'done', form: 'full', source: 'server', text: '请 C 零 零 一 号 到 三 号窗口 办理' });
  });

  // Each short call is 8 to 10 words and a gap: 4.5 to 5.5 s with the server's voice, against 8 to 9 s in full.
  for (const [count, withinSeconds] of [[12, 60], [30, 150]] as const) {
    it(`says every one of a burst of ${count} calls, in call order, after one chime, in the short form`, async () => {
      const said: Said[] = [];
      const { sound } = fakeSound();
      const announcer = new Announcer(sound, [timedVoice('server', serverMsPerWord, said).voice]);
      const start = await burst(announcer, count);
      const records = await untilQuiet(announcer);
      expect(records.map((r) => r.status)).toEqual(Array(count).fill('done'));
      expect(said.map((s) => s.text)).toEqual(records.map((r) => r.text));
      expect(said[0].text).toBe('C 零 零 一 号 一 号窗口');
      expect(said[count - 1].text).toBe(`C 零 ${count === 12 ? '一 二 号 十二' : '三 零 号 三十'} 号窗口`);
      expect(records.every((r) => r.form === 'short')).toBe(true);
      expect(sound.chimes).toBe(1);
      const lastSeconds = (said[count - 1].at - start) / 1000;
      console.info(`burst of ${count} at ${serverMsPerWord} ms a word: last call said ${lastSeconds.toFixed(1)} s after the first call`);
      expect(lastSeconds).toBeLessThan(withinSeconds);
    });
  }

  it('keeps a run going while calls keep coming, and goes back to the full sentence once the hall is quiet', async () => {
    const said: Said[] = [];
    const { sound } = fakeSound();
    const announcer = new Announcer(sound, [timedVoice('pack', 400, said).voice]);
    announcer.enqueue(call(1));
    await vi.advanceTimersByTimeAsync(2500);
    announcer.enqueue(call(2));
    await untilQuiet(announcer);
    // The first was alone when its chime ended; the second came while it was said and follows it without a chime.
    expect(said.map((s) => s.text)).toEqual(['请 C 零 零 一 号 到 一 号窗口 办理', 'C 零 零 二 号 二 号窗口']);
    expect(sound.chimes).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    announcer.enqueue(call(3));
    await untilQuiet(announcer);
    expect(said[2].text).toBe('请 C 零 零 三 号 到 三 号窗口 办理');
    expect(sound.chimes).toBe(2);
  });

  it('says a recall of a call still waiting only once, and a recall after it was said again', async () => {
    const said: Said[] = [];
    const announcer = new Announcer(fakeSound().sound, [timedVoice('pack', 400, said).voice]);
    announcer.enqueue(call(1));
    announcer.enqueue(call(2));
    announcer.enqueue(call(2, 2, true));
    await untilQuiet(announcer);
    expect(said.map((s) => s.text)).toEqual(['C 零 零 一 号 一 号窗口', 'C 零 零 二 号 二 号窗口']);
    announcer.enqueue(call(2, 2, true));
    const records = await untilQuiet(announcer);
    expect(records.map((r) => r.kind)).toEqual(['call', 'call', 'recall']);
    expect(said).toHaveLength(3);
  });

  it('does not say a call that is over before its turn, nor the older call of a ticket called again elsewhere', async () => {
    const said: Said[] = [];
    const announcer = new Announcer(fakeSound().sound, [timedVoice('pack', 400, said).voice]);
    // Ticket 2's visitor reached window 2 before the voice got to them; ticket 3 was sent on and called at window 9.
    const over = new Set([2]);
    announcer.setCallCheck((c) => !over.has(c.ticketId));
    for (const n of [1, 2, 3]) announcer.enqueue(call(n));
    announcer.enqueue(call(3, 9));
    const records = await untilQuiet(announcer);
    expect(records.map((r) => `${r.ticketNumber}@${r.windowNumber} ${r.status}`))
      .toEqual(['C001@1 done', 'C002@2 outdated', 'C003@3 outdated', 'C003@9 done']);
    expect(said.map((s) => s.text)).toEqual(['C 零 零 一 号 一 号窗口', 'C 零 零 三 号 九 号窗口']);
  });

  it('never lets a call go stale by waiting its turn: a long burst with a slow voice is said to the last', async () => {
    const said: Said[] = [];
    const announcer = new Announcer(fakeSound().sound, [timedVoice('server', 900, said).voice]);
    const start = await burst(announcer, 20);
    const records = await untilQuiet(announcer);
    expect(said.at(-1)!.at - start).toBeGreaterThan(staleAfterHeldMs);
    expect(records.map((r) => r.status)).toEqual(Array(20).fill('done'));
  });

  it('skips calls that sound held back too long, and says the fresh ones once sound is back', async () => {
    const said: Said[] = [];
    const { sound, unblock } = fakeSound(true);
    const announcer = new Announcer(sound, [timedVoice('pack', 400, said).voice]);
    announcer.enqueue(call(1));
    await vi.advanceTimersByTimeAsync(60_000);
    announcer.enqueue(call(2));
    await vi.advanceTimersByTimeAsync(35_000);
    expect(announcer.records().map((r) => r.status)).toEqual(['queued', 'queued']);
    unblock();
    const records = await untilQuiet(announcer);
    expect(records.map((r) => r.status)).toEqual(['skipped', 'done']);
    expect(said.map((s) => s.text)).toEqual(['请 C 零 零 二 号 到 二 号窗口 办理']);
  });

  it('counts time lost to voices that all fail as held back, so a hall with no voice does not keep stale calls', async () => {
    const failing: Voice = { source: 'server', canSay: () => true, say: () => new Promise((_, reject) => setTimeout(() => reject(new Error('no voice')), 10_000)) };
    const announcer = new Announcer(fakeSound().sound, [failing]);
    await burst(announcer, 15);
    const statuses = (await untilQuiet(announcer)).map((r) => r.status);
    // Ten attempts of 10 s each hold the rest back past 90 s: they are skipped rather than tried for minutes more.
    expect(statuses).toEqual([...Array(10).fill('failed'), ...Array(5).fill('skipped')]);
  });

  it('leaves a whole call to the next voice when the pack lacks a clip for it, and fetches the next call ahead', async () => {
    const said: Said[] = [];
    const pack = timedVoice('pack', 400, said, (a) => !a.tokens.includes('K'));
    const server = timedVoice('server', serverMsPerWord, said);
    const announcer = new Announcer(fakeSound().sound, [pack.voice, server.voice]);
    announcer.enqueue(call(1));
    announcer.enqueue({ ticketId: 7, number: 'K001', windowNumber: 4, recall: false });
    announcer.enqueue(call(3));
    await untilQuiet(announcer);
    expect(said.map((s) => `${s.source}: ${s.text}`))
      .toEqual(['pack: C 零 零 一 号 一 号窗口', 'server: K 零 零 一 号 四 号窗口', 'pack: C 零 零 三 号 三 号窗口']);
    // The server's audio for K001 was asked for while C001 was being said.
    expect(server.prepared).toContain('K 零 零 一 号 四 号窗口');
  });
});
