import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from '../../../server/voice/espeak-synthesizer.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';

const announcement = '请 A 零 一 二 号 到 三 号窗口 办理';

async function get(t: TestHall, path: string, token?: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(t.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('the offline voice for boards', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startTestHall();
  });
  afterAll(async () => t.stop());

  it('says an announcement as a WAV synthesised on the server', async () => {
    const path = `/api/voice?text=${encodeURIComponent(announcement)}`;
    const first = await get(t, path, t.boardToken);
    expect(first.status).toBe(200);
    expect(first.type).toBe('audio/wav');
    expect(first.body.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(first.body.subarray(8, 12).toString('ascii')).toBe('WAVE');
    // 22050 Hz 16-bit mono: a dozen words last a few seconds, far more than a header and some silence.
    expect(first.body.length).toBeGreaterThan(60_000);
    expect(first.body.readUInt32LE(4)).toBe(first.body.length - 8);
    const again = await get(t, path, t.boardToken);
    expect(again.body.equals(first.body)).toBe(true);
  });

  it('synthesises each text once: a repeat, even one asked at the same moment, comes from the cache', async () => {
    const synthesizer = new EspeakSynthesizer();
    try {
      const [a, b] = await Promise.all([synthesizer.wav('qing3 B ling2 ling2 er4 hao4'), synthesizer.wav('qing3 B ling2 ling2 er4 hao4')]);
      expect(b).toBe(a);
      expect(await synthesizer.wav('qing3 B ling2 ling2 er4 hao4')).toBe(a);
      const other = await synthesizer.wav('qing3 C ling2 ling2 san1 hao4');
      expect(other).not.toBe(a);
      expect(other.subarray(0, 4).toString('ascii')).toBe('RIFF');
    } finally {
      synthesizer.close();
    }
  });

  it('says a call briskly for a burst: the short form at the brisk pace takes a fifth less time, and no other pace is taken', async () => {
    const short = encodeURIComponent('A 零 一 二 号 三 号窗口');
    const steady = await get(t, `/api/voice?text=${short}`, t.boardToken);
    const brisk = await get(t, `/api/voice?text=${short}&pace=brisk`, t.boardToken);
    expect(brisk.status).toBe(200);
    expect(brisk.type).toBe('audio/wav');
    // Same format, so the length of the samples is the length of the speech.
    expect(brisk.body.length).toBeLessThan(steady.body.length * 0.85);
    expect(brisk.body.length).toBeGreaterThan(steady.body.length * 0.5);
    const refused = await t.api('GET', `/api/voice?text=${short}&pace=fast`, { token: t.boardToken });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses text outside the announcement words, so the hall cannot be made to say anything else', async () => {
    const res = await t.api('GET', `/api/voice?text=${encodeURIComponent('请 张三 到 三 号窗口')}`, { token: t.boardToken });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message.en).toContain('text');
  });

  it('speaks only to boards and admins', async () => {
    const path = `/api/voice?text=${encodeURIComponent('请 B 零 零 一 号')}`;
    expect((await t.api('GET', path)).status).toBe(401);
    expect((await t.api('GET', path, { token: t.kioskToken })).status).toBe(403);
  });

  it('serves an installed voice pack from the data folder and says when none is installed', async () => {
    expect((await get(t, '/voice-pack/manifest.json', t.boardToken)).status).toBe(404);
    const dir = join(t.dir, 'voice-pack');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 1, clips: { 请: 'qing.wav' } }));
    writeFileSync(join(dir, 'qing.wav'), Buffer.from('RIFF0000WAVE'));
    const manifest = await get(t, '/voice-pack/manifest.json', t.boardToken);
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.body.toString()).clips.请).toBe('qing.wav');
    const clip = await get(t, '/voice-pack/qing.wav', t.boardToken);
    expect(clip.type).toBe('audio/wav');
    expect(clip.body.subarray(0, 4).toString()).toBe('RIFF');
    expect((await get(t, '/voice-pack/..%2Fhall.db', t.boardToken)).status).toBe(400);
  });
});
