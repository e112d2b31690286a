import type { Announcement } from './announcement.js';

export type VoiceSource = 'pack' | 'browser' | 'server';

/**
 * One way the board can speak. The announcer asks each voice in order (voice pack, browser, server) and the first
 * that can say the whole announcement says it, so one call is never half clips, half synthesised speech.
 */
export interface Voice {
  readonly source: VoiceSource;
  canSay(a: Announcement): boolean;
  /** Resolves when the words have been said; rejects (within a time limit) when they could not be. */
  say(a: Announcement): Promise<void>;
  /** Gets the audio ready ahead of time, so calls said back to back follow each other without a wait. */
  prepare?(a: Announcement): void;
}

/** What the announcer needs of the board's sound besides the voices. */
export interface AnnouncerSound {
  readonly blocked: boolean;
  whenUnblocked(): Promise<void>;
  chime(): Promise<void>;
}
