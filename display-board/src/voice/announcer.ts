import { buildAnnouncement, type Announcement, type AnnouncementForm } from './announcement.js';
import type { AnnouncerSound, Voice, VoiceSource } from './voice.js';

export type { VoiceSource } from './voice.js';

/**
 * skipped: held back too long by sound that could not play. outdated: the call was over before its turn came (the
 * visitor is already at the window, the ticket was finished, sent on or called again elsewhere).
 */
export type AnnouncementStatus = 'queued' | 'playing' | 'done' | 'failed' | 'skipped' | 'outdated';

/** A call as the board's feed hands it over (CallEntry fits). */
export interface CallToAnnounce {
  ticketId: number;
  number: string;
  windowNumber: number;
  recall: boolean;
}

export interface AnnouncementRecord {
  id: number;
  kind: 'call' | 'recall';
  ticketId: number;
  ticketNumber: string;
  windowNumber: number;
  /** The words: the full sentence while queued, then the form they were said in. */
  form: AnnouncementForm;
  text: string;
  textEn: string;
  tokens: string[];
  status: AnnouncementStatus;
  /** The voice that spoke it, once spoken. */
  source: VoiceSource | null;
  queuedAt: number;
  startedAt: number | null;
  /** When it was said, failed, skipped or found outdated. */
  endedAt: number | null;
}

interface Entry extends AnnouncementRecord {
  /** The announcer's held-back clock when this call was queued (see heldNow). */
  heldMark: number;
}

/**
 * A call held back this long by sound that could not play (the board not yet tapped, no voice answering) is no use
 * to anyone: it is skipped. Waiting its turn behind other calls does not count: in a burst every call is said.
 */
export const staleAfterHeldMs = 90_000;
/** After the last call of a run, before the next chime. */
const pauseAfterRunMs = 500;
/** Between two calls said back to back, so each sounds like its own sentence. */
const gapInRunMs = 300;
const keptRecords = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Says the calls in the order they were made, one at a time, with the first voice that can say each one. A call
 * that arrives to a quiet hall gets a chime and the full sentence, as a single call always has. When calls pile up
 * (12 windows pressing 叫号 at opening time), the announcer speaks in a run: one chime, then each call in the short
 * form, back to back, about 5 s a call with the server's voice instead of 9 s for a chime, the full sentence and a
 * pause; new calls join the run until nothing is left to say. A recall of a call still waiting adds nothing; a call that is over
 * before its turn is dropped. Nothing here ever waits forever: every voice has a time limit.
 */
export class Announcer {
  private readonly list: Entry[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private running = false;
  /** Time the queue has spent held back by sound (blocked, or every voice failing), and since when it is now. */
  private heldMs = 0;
  private heldSince: number | null = null;
  private stillCalled: (call: { ticketId: number; windowNumber: number }) => boolean = () => true;

  constructor(private readonly sound: AnnouncerSound, private readonly voices: Voice[]) {}

  /** The board tells the announcer how to know a call is still on (see call-still-on.ts); asked before each call. */
  setCallCheck(check: (call: { ticketId: number; windowNumber: number }) => boolean): void {
    this.stillCalled = check;
  }

  enqueue(call: CallToAnnounce): void {
    const waiting = this.list.find((r) => r.status === 'queued' && r.ticketId === call.ticketId);
    // A recall of a call not said yet: the one announcement, when it comes, answers both.
    if (waiting && waiting.windowNumber === call.windowNumber) return;
    // The same ticket called again at another window before its turn: only the newer call is true.
    if (waiting) this.end(waiting, 'outdated');
    const a = buildAnnouncement(call.number, call.windowNumber, 'full');
    this.list.push({
      id: this.nextId++, kind: call.recall ? 'recall' : 'call', ticketId: call.ticketId, ticketNumber: call.number,
      windowNumber: call.windowNumber, form: 'full', text: a.text, textEn: a.textEn, tokens: a.tokens, status: 'queued',
      source: null, queuedAt: Date.now(), startedAt: null, endedAt: null, heldMark: this.heldNow(),
    });
    // Forget old finished ones; queued ones are never dropped from the list.
    while (this.list.length > keptRecords && this.list[0].status !== 'queued' && this.list[0].status !== 'playing') this.list.shift();
    this.changed();
    // With a call already on its way, the first one waiting will be said short: get its audio ready now, during the
    // chime or the call before it.
    if (this.running) this.prepareFollowing();
    void this.pump();
  }

  /** A copy, oldest first: what the board shows and what tests read as window.__boardAnnouncements. */
  records(): AnnouncementRecord[] {
    return this.list.map(({ heldMark: _mark, ...r }) => ({ ...r, tokens: [...r.tokens] }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // In a run, one call follows another without a chime; the run ends when nothing is left to say.
      let inRun = false;
      for (;;) {
        if (this.sound.blocked) {
          inRun = false;
          await this.waitForSound();
        }
        const waiting = this.sweep();
        if (waiting.length === 0) break;
        if (!inRun) {
          this.prepare(waiting[0], waiting.length > 1 ? 'short' : 'full');
          await this.sound.chime();
        }
        // Decided after the chime: a burst's calls all arrive while it rings.
        const now = this.sweep();
        if (now.length === 0) break;
        await this.say(now[0], inRun || now.length > 1 ? 'short' : 'full');
        inRun = this.sweep().length > 0;
        await sleep(inRun ? gapInRunMs : pauseAfterRunMs);
      }
    } finally {
      this.running = false;
    }
  }

  /** Ends the waiting calls nobody needs any more, and returns those still to be said, in order. */
  private sweep(): Entry[] {
    const waiting: Entry[] = [];
    for (const r of this.list) {
      if (r.status !== 'queued') continue;
      if (this.heldNow() - r.heldMark > staleAfterHeldMs) this.end(r, 'skipped');
      else if (!this.stillCalled(r)) this.end(r, 'outdated');
      else waiting.push(r);
    }
    return waiting;
  }

  private async say(r: Entry, form: AnnouncementForm): Promise<void> {
    const a = buildAnnouncement(r.ticketNumber, r.windowNumber, form);
    Object.assign(r, { form, text: a.text, textEn: a.textEn, tokens: a.tokens, status: 'playing', startedAt: Date.now() });
    this.changed();
    this.prepareFollowing();
    const started = Date.now();
    r.source = await this.speak(a);
    // Time lost to voices that all failed holds every waiting call back, as blocked sound does.
    if (!r.source) this.heldMs += Date.now() - started;
    this.end(r, r.source ? 'done' : 'failed');
    this.prepareFollowing();
  }

  /** The call after the one being said will be said short, right after it (if it is still on by then). */
  private prepareFollowing(): void {
    const next = this.list.find((r) => r.status === 'queued');
    if (next) this.prepare(next, 'short');
  }

  private prepare(r: Entry, form: AnnouncementForm): void {
    const a = buildAnnouncement(r.ticketNumber, r.windowNumber, form);
    this.voices.find((v) => v.canSay(a))?.prepare?.(a);
  }

  /** Tries each voice in turn; returns the one that spoke, or null when none could. */
  private async speak(a: Announcement): Promise<VoiceSource | null> {
    for (const voice of this.voices) {
      if (!voice.canSay(a)) continue;
      try {
        await voice.say(a);
        return voice.source;
      } catch { /* next voice */ }
    }
    return null;
  }

  private async waitForSound(): Promise<void> {
    this.heldSince = Date.now();
    try {
      await this.sound.whenUnblocked();
    } finally {
      this.heldMs += Date.now() - this.heldSince;
      this.heldSince = null;
    }
  }

  private heldNow(): number {
    return this.heldMs + (this.heldSince === null ? 0 : Date.now() - this.heldSince);
  }

  private end(r: Entry, status: AnnouncementStatus): void {
    r.status = status;
    r.endedAt = Date.now();
    this.changed();
  }
}
