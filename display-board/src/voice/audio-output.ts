/**
 * The board's one AudioContext: the chime, voice-pack clips and the server's speech all play through it, so they
 * share one unlock. Browsers start it suspended until someone touches the page (unless the kiosk browser is started
 * with an autoplay policy that allows sound); `blocked` says so and the board asks for one tap.
 */
export class AudioOutput {
  readonly context = new AudioContext();
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.context.onstatechange = () => this.listeners.forEach((l) => l());
  }

  get blocked(): boolean {
    return this.context.state !== 'running';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tries to start sound; without a user gesture a browser may leave the promise pending, hence the time limit. */
  async unlock(timeoutMs = 500): Promise<boolean> {
    if (!this.blocked) return true;
    await Promise.race([this.context.resume().catch(() => undefined), new Promise((r) => setTimeout(r, timeoutMs))]);
    this.listeners.forEach((l) => l());
    return !this.blocked;
  }

  /** Resolves when sound is allowed. */
  whenUnblocked(): Promise<void> {
    if (!this.blocked) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange(() => {
        if (this.blocked) return;
        off();
        resolve();
      });
    });
  }

  decode(data: ArrayBuffer): Promise<AudioBuffer> {
    return this.context.decodeAudioData(data);
  }

  /**
   * The same sound without the silence at its end, less a short tail for the last word's decay. The server's speech
   * ends in half a second of silence; trimmed, calls said back to back are spaced by the announcer's gap alone, the
   * same for every voice.
   */
  withoutTrailingSilence(buffer: AudioBuffer, tailSeconds = 0.08): AudioBuffer {
    const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
    let end = buffer.length;
    while (end > 0 && channels.every((data) => Math.abs(data[end - 1]) < 0.01)) end--;
    const length = Math.min(buffer.length, end + Math.round(tailSeconds * buffer.sampleRate));
    if (end === 0 || length >= buffer.length) return buffer;
    const trimmed = this.context.createBuffer(buffer.numberOfChannels, length, buffer.sampleRate);
    channels.forEach((data, c) => trimmed.copyToChannel(data.subarray(0, length), c));
    return trimmed;
  }

  /**
   * Plays buffers one after another with a gap, and resolves when they have finished. The end is also timed by the
   * wall clock, so a sound device that stops reporting can never stall the announcement queue.
   */
  playSequence(buffers: AudioBuffer[], gapSeconds = 0.05): Promise<void> {
    let at = this.context.currentTime + 0.05;
    for (const buffer of buffers) {
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      source.start(at);
      at += buffer.duration + gapSeconds;
    }
    const seconds = at - this.context.currentTime;
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 50));
  }
}
