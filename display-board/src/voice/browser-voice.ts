import type { Voice } from './voice.js';

/**
 * The browser's own Chinese voice, when the machine has one installed locally (localService): it needs nothing
 * from the network and speaks while the server is down. Voices on a remote service are not used, because a board
 * in a government hall must not send its announcements out of the building.
 */
export function localChineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices().filter((v) => v.localService);
  return voices.find((v) => /^zh[-_]CN$/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)\b/i.test(v.lang)) ?? null;
}

/** Speaks and resolves at the end; rejects on an error or when the voice never finishes (a stuck engine). */
export function sayWithBrowser(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise((resolve, reject) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.85;
    const limit = setTimeout(() => {
      speechSynthesis.cancel();
      reject(new Error('browser voice did not finish'));
    }, 2000 + text.length * 600);
    utterance.onend = () => {
      clearTimeout(limit);
      resolve();
    };
    utterance.onerror = (e) => {
      clearTimeout(limit);
      reject(new Error(`browser voice failed: ${e.error}`));
    };
    speechSynthesis.speak(utterance);
  });
}

/** The browser's voice as the announcer asks for it: able to speak whenever a local Chinese voice is installed. */
export const browserVoice: Voice = {
  source: 'browser',
  canSay: () => localChineseVoice() !== null,
  say: async (a) => {
    const voice = localChineseVoice();
    if (!voice) throw new Error('no local Chinese voice');
    await sayWithBrowser(a.text, voice);
  },
};
