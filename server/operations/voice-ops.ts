import { z } from 'zod';
import type { ErrorBody } from '../../protocol/i18n.js';
import { maxAnnouncementLength, parseAnnouncement, toPinyin } from '../voice/announcement-alphabet.js';
import { hallVoice } from '../voice/hall-voice.js';
import { packFileName, readPackFile } from '../voice/voice-pack-folder.js';
import { defineOperation, type Operation } from './operation.js';

/**
 * Audio is answered as a fetch Response so it goes out with its own content type; the HTTP layer passes a
 * Response through untouched. Refusals in here are still the usual {code, message: {zh, en}} body.
 */
function fileResponse(body: Buffer, contentType: string, cacheControl: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': contentType, 'content-length': String(body.length), 'cache-control': cacheControl },
  });
}

function refusal(status: number, error: ErrorBody): Response {
  return new Response(JSON.stringify(error), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export const AnnouncementQuery = z.object({
  text: z.string().min(1).max(maxAnnouncementLength)
    .refine((t) => parseAnnouncement(t) !== null, '只能包含叫号用语（请 号 到 窗口 办理、数字、字母） / announcement words only'),
  /** brisk: for calls said back to back in a burst (the board asks it for the short form). */
  pace: z.enum(['steady', 'brisk']).optional(),
}).strict();

export const speakAnnouncementOp = defineOperation({
  operationId: 'speakAnnouncement', method: 'GET', url: '/api/voice', tag: 'voice',
  summary: 'A call announcement ("请 A 零 一 二 号 到 三 号窗口 办理") as WAV, synthesised offline; pace=brisk for calls said back to back. 叫号语音',
  roles: ['board', 'admin'], query: AnnouncementQuery,
  async handle(ctx, { query }) {
    const pinyin = toPinyin(parseAnnouncement(query.text)!);
    try {
      const wav = await hallVoice(ctx).synthesizer.wav(pinyin, query.pace);
      return fileResponse(wav, 'audio/wav', 'private, max-age=86400');
    } catch (err) {
      ctx.log.warn({ err }, 'speech synthesis failed');
      return refusal(503, { code: 'VOICE_UNAVAILABLE', message: { zh: '语音合成暂不可用', en: 'Speech synthesis is unavailable' } });
    }
  },
});

export const voicePackFileOp = defineOperation({
  operationId: 'getVoicePackFile', method: 'GET', url: '/voice-pack/:file', tag: 'voice',
  summary: 'A file of the installed voice pack of recorded clips (manifest.json first). 语音包文件',
  roles: ['board', 'admin'], params: z.object({ file: z.string().regex(packFileName) }).strict(),
  async handle(ctx, { params }) {
    const file = await readPackFile(hallVoice(ctx).packDir, params.file);
    if (!file) return refusal(404, { code: 'NOT_FOUND', message: { zh: '未安装语音包或文件不存在', en: 'No voice pack installed, or no such file in it' } });
    // The manifest is re-read so a newly installed pack is picked up; clips rarely change.
    return fileResponse(file.body, file.contentType, params.file === 'manifest.json' ? 'no-cache' : 'private, max-age=3600');
  },
});

export const voiceOperations: Operation[] = [speakAnnouncementOp, voicePackFileOp];
