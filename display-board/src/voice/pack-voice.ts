import type { Announcement } from './announcement.js';
import type { AudioOutput } from './audio-output.js';
import type { Voice } from './voice.js';

/** manifest.json of a voice pack; the format is described in server/voice/README.md. */
export interface VoicePackManifest {
  format: 1;
  name?: { zh: string; en: string };
  /** Silence between clips. */
  gapMs?: number;
  /** Token (请 号 到 窗口 办理 0-9 十 百 A-Z) -> file name in the pack folder. */
  clips: Record<string, string>;
}

export type FetchPackFile = (name: string) => Promise<ArrayBuffer | null>;

const fileName = /^[A-Za-z0-9_-]{1,64}\.(wav|mp3|ogg|oga|m4a|webm)$/;

export function parseManifest(json: unknown): VoicePackManifest | null {
  if (!json || typeof json !== 'object') return null;
  const m = json as Partial<VoicePackManifest>;
  if (m.format !== 1 || !m.clips || typeof m.clips !== 'object') return null;
  const clips: Record<string, string> = {};
  for (const [token, file] of Object.entries(m.clips)) if (typeof file === 'string' && fileName.test(file)) clips[token] = file;
  const gapMs = typeof m.gapMs === 'number' && m.gapMs >= 0 && m.gapMs <= 2000 ? m.gapMs : 60;
  return { format: 1, name: m.name, gapMs, clips };
}

/**
 * Recorded clips, played back to back: the most natural voice a hall can have, when it has installed a pack.
 * Clips are decoded once and kept; a pack that lacks a token needed for a call leaves that call to the next voice.
 */
export class PackVoice implements Voice {
  readonly source = 'pack' as const;
  private manifest: VoicePackManifest | null = null;
  private readonly decoded = new Map<string, Promise<AudioBuffer>>();

  constructor(private readonly output: AudioOutput, private readonly fetchFile: FetchPackFile) {}

  /** Looks for an installed pack; called at start and after each reconnect, so a newly installed pack is found. */
  async load(): Promise<void> {
    try {
      const data = await this.fetchFile('manifest.json');
      const next = data ? parseManifest(JSON.parse(new TextDecoder().decode(data))) : null;
      if (JSON.stringify(next) !== JSON.stringify(this.manifest)) this.decoded.clear();
      this.manifest = next;
    } catch {
      // Unreadable or unreachable: keep what we had.
    }
  }

  get installed(): boolean {
    return this.manifest !== null;
  }

  canSay(a: Announcement): boolean {
    return this.manifest !== null && a.tokens.every((t) => t in this.manifest!.clips);
  }

  async say(a: Announcement): Promise<void> {
    const manifest = this.manifest;
    if (!manifest || !this.canSay(a)) throw new Error('voice pack does not cover this announcement');
    const buffers = await Promise.all(a.tokens.map((t) => this.clip(manifest.clips[t])));
    await this.output.playSequence(buffers, (manifest.gapMs ?? 60) / 1000);
  }

  prepare(a: Announcement): void {
    const manifest = this.manifest;
    if (manifest) for (const t of a.tokens) this.clip(manifest.clips[t]).catch(() => undefined);
  }

  private clip(file: string): Promise<AudioBuffer> {
    let buffer = this.decoded.get(file);
    if (!buffer) {
      buffer = this.fetchFile(file).then((data) => {
        if (!data) throw new Error(`voice pack clip ${file} missing`);
        return this.output.decode(data);
      });
      // A failed clip is fetched again next time rather than failing forever.
      buffer.catch(() => this.decoded.delete(file));
      this.decoded.set(file, buffer);
    }
    return buffer;
  }
}
