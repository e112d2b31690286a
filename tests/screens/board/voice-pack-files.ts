import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A short tone as a 16-bit mono PCM WAV: stands in for a recorded clip. */
export function toneWav(ms: number, hz: number, rate = 22050): Buffer {
  const samples = Math.round((rate * ms) / 1000);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  return wav;
}

/**
 * Installs a complete voice pack (every token of the announcement alphabet) into a hall's data folder. Clips are
 * short by default so tests run fast; a recorded syllable lasts about 300 to 450 ms.
 */
export function installVoicePack(dataDir: string, { clipMs = 80, gapMs = 20 }: { clipMs?: number; gapMs?: number } = {}): void {
  const dir = join(dataDir, 'voice-pack');
  mkdirSync(dir, { recursive: true });
  const words: [string, string][] = [['请', 'qing'], ['号', 'hao'], ['到', 'dao'], ['窗口', 'chuangkou'], ['办理', 'banli'], ['十', 'shi'], ['百', 'bai']];
  const tokens: [string, string][] = [...words, ...'0123456789'.split('').map((d): [string, string] => [d, `digit-${d}`]),
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l): [string, string] => [l, `letter-${l}`])];
  const clips: Record<string, string> = {};
  tokens.forEach(([token, file], i) => {
    clips[token] = `${file}.wav`;
    writeFileSync(join(dir, `${file}.wav`), toneWav(clipMs, 300 + i * 20));
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 1, name: { zh: '测试语音包', en: 'Test pack' }, gapMs, clips }, null, 2));
}
