import type { Announcement } from './announcement.js';
import type { AudioOutput } from './audio-output.js';
import type { Voice } from './voice.js';

const keptAnnouncements = 16;

/**
 * Speech synthesised offline by the hall server (GET /api/voice, espeak-ng with its pinyin voice). The last few
 * announcements are kept decoded, so a recall repeats at once, and the next call of a run is fetched while the one
 * before it is said, so calls said back to back follow each other without waiting for the server.
 */
export class ServerVoice implements Voice {
  readonly source = 'server' as const;
  private readonly recent = new Map<string, Promise<AudioBuffer>>();

  constructor(private readonly output: AudioOutput, private readonly token: string) {}

  canSay(): boolean {
    return true;
  }

  async say(a: Announcement): Promise<void> {
    await this.output.playSequence([await this.audioFor(a)]);
  }

  prepare(a: Announcement): void {
    this.audioFor(a).catch(() => undefined);
  }

  private audioFor(a: Announcement): Promise<AudioBuffer> {
    // Calls said back to back in a run are spoken briskly: the run is the long wait, and each is short and plain.
    const path = `/api/voice?text=${encodeURIComponent(a.text)}${a.form === 'short' ? '&pace=brisk' : ''}`;
    const kept = this.recent.get(path);
    if (kept) return kept;
    const audio = this.fetchAudio(path);
    this.recent.set(path, audio);
    // A failed fetch is asked again next time rather than failing forever.
    audio.catch(() => this.recent.delete(path));
    if (this.recent.size > keptAnnouncements) this.recent.delete(this.recent.keys().next().value!);
    return audio;
  }

  private async fetchAudio(path: string): Promise<AudioBuffer> {
    const res = await fetch(path, {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`server voice answered ${res.status}`);
    return this.output.withoutTrailingSilence(await this.output.decode(await res.arrayBuffer()));
  }
}
