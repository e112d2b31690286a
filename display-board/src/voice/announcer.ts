import { buildAnnouncement } from './announcement.js';
import type { AudioOutput } from './audio-output.js';
import { localChineseVoice, sayWithBrowser } from './browser-voice.js';
import { playChime } from './chime.js';
import type { PackVoice } from './pack-voice.js';
import type { ServerVoice } from './server-voice.js';

export type AnnouncementStatus = 'queued' | 'playing' | 'done' | 'failed' | 'skipped';
export type VoiceSource = 'pack' | 'browser' | 'server';

export interface AnnouncementRecord {
  id: number;
  kind: 'call' | 'recall';
  ticketNumber: string;
  windowNumber: number;
  text: string;
  textEn: string;
  tokens: string[];
  status: AnnouncementStatus;
  /** The voice that spoke it, once spoken. */
  source: VoiceSource | null;
  queuedAt: number;
}

/** A call still unspoken after this long (sound was blocked, or a long queue) is no use to anyone: skip it. */
const staleAfterMs = 90_000;
const pauseBetweenMs = 500;
const keptRecords = 40;

/**
 * One announcement at a time, in the order of the calls: a chime, then the words from the best voice available
 * (installed voice pack, else the browser's local Chinese voice, else the server's synthesised speech). A recall
 * is queued again like a new call. Nothing here ever waits forever: every voice has a time limit.
 */
export class Announcer {
  private readonly list: AnnouncementRecord[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private running = false;

  constructor(private readonly output: AudioOutput, private readonly pack: PackVoice, private readonly server: ServerVoice) {}

  enqueue(ticketNumber: string, windowNumber: number, kind: 'call' | 'recall'): AnnouncementRecord {
    const a = buildAnnouncement(ticketNumber, windowNumber);
    const record: AnnouncementRecord = {
      id: this.nextId++, kind, ticketNumber, windowNumber, text: a.text, textEn: a.textEn, tokens: a.tokens,
      status: 'queued', source: null, queuedAt: Date.now(),
    };
    this.list.push(record);
    // Forget old finished ones; queued ones are never dropped from the list.
    while (this.list.length > keptRecords && this.list[0].status !== 'queued' && this.list[0].status !== 'playing') this.list.shift();
    this.changed();
    void this.pump();
    return record;
  }

  /** A copy, newest last: what the board shows (hidden) and what tests read as window.__boardAnnouncements. */
  records(): AnnouncementRecord[] {
    return this.list.map((r) => ({ ...r, tokens: [...r.tokens] }));
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
      for (let next = this.firstQueued(); next; next = this.firstQueued()) {
        await this.output.whenUnblocked();
        if (Date.now() - next.queuedAt > staleAfterMs) {
          next.status = 'skipped';
          this.changed();
          continue;
        }
        next.status = 'playing';
        this.changed();
        await playChime(this.output.context);
        next.source = await this.speak(next);
        next.status = next.source ? 'done' : 'failed';
        this.changed();
        await new Promise((r) => setTimeout(r, pauseBetweenMs));
      }
    } finally {
      this.running = false;
    }
  }

  private firstQueued(): AnnouncementRecord | undefined {
    return this.list.find((r) => r.status === 'queued');
  }

  /** Tries each voice in turn; returns the one that spoke, or null when none could. */
  private async speak(r: AnnouncementRecord): Promise<VoiceSource | null> {
    if (this.pack.covers(r.tokens)) {
      try {
        await this.pack.say(r.tokens);
        return 'pack';
      } catch { /* next voice */ }
    }
    const local = localChineseVoice();
    if (local) {
      try {
        await sayWithBrowser(r.text, local);
        return 'browser';
      } catch { /* next voice */ }
    }
    try {
      await this.server.say(r.text);
      return 'server';
    } catch {
      return null;
    }
  }
}
