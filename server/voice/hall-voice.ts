import type { OperationContext } from '../operations/operation.js';
import { EspeakSynthesizer } from './espeak-synthesizer.js';
import { voicePackDir } from './voice-pack-folder.js';

export interface HallVoice {
  synthesizer: EspeakSynthesizer;
  packDir: string;
}

/**
 * Each hall gets its own synthesizer (and cache), created on the first request for speech. Keyed by the hall's
 * operation context so two halls in one process (tests) never share one, and it goes when the hall goes; the
 * worker behind it is unref'd and ends itself when idle, so it never holds a closing hall open.
 */
const voices = new WeakMap<OperationContext, HallVoice>();

export function hallVoice(ctx: OperationContext): HallVoice {
  let voice = voices.get(ctx);
  if (!voice) {
    voice = { synthesizer: new EspeakSynthesizer(), packDir: voicePackDir(ctx.config.databasePath) };
    voices.set(ctx, voice);
  }
  return voice;
}
