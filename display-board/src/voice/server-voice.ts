import type { AudioOutput } from './audio-output.js';

/**
 * Speech synthesised offline by the hall server (GET /api/voice, espeak-ng with its pinyin voice). The last few
 * announcements are kept decoded, so a recall repeats at once.
 */
export class ServerVoice {
  private readonly recent = new Map<string, AudioBuffer>();

  constructor(private readonly output: AudioOutput, private readonly token: string) {}

  async say(text: string): Promise<void> {
    await this.output.playSequence([await this.audioFor(text)]);
  }

  private async audioFor(text: string): Promise<AudioBuffer> {
    const kept = this.recent.get(text);
    if (kept) return kept;
    const res = await fetch(`/api/voice?text=${encodeURIComponent(text)}`, {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`server voice answered ${res.status}`);
    const buffer = await this.output.decode(await res.arrayBuffer());
    this.recent.set(text, buffer);
    if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
    return buffer;
  }
}
