import { Announcer, type AnnouncementRecord } from './announcer.js';
import { AudioOutput } from './audio-output.js';
import { browserVoice } from './browser-voice.js';
import { playChime } from './chime.js';
import { PackVoice } from './pack-voice.js';
import { ServerVoice } from './server-voice.js';

export interface BoardVoice {
  output: AudioOutput;
  pack: PackVoice;
  announcer: Announcer;
}

declare global {
  interface Window { __boardAnnouncements?: AnnouncementRecord[] }
}

/**
 * The board's sound: one audio output, and the queue with its voices in order of preference: the installed voice
 * pack if any, else the browser's local Chinese voice, else the server's offline voice.
 */
export function createBoardVoice(token: string): BoardVoice {
  const output = new AudioOutput();
  const pack = new PackVoice(output, async (name) => {
    const res = await fetch(`/voice-pack/${name}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    return res.ok ? res.arrayBuffer() : null;
  });
  const sound = {
    get blocked() { return output.blocked; },
    whenUnblocked: () => output.whenUnblocked(),
    chime: () => playChime(output.context),
  };
  const announcer = new Announcer(sound, [pack, browserVoice, new ServerVoice(output, token)]);
  // Read-only view of the queue for maintenance from the browser console and for end-to-end tests.
  Object.defineProperty(window, '__boardAnnouncements', { configurable: true, get: () => announcer.records() });
  return { output, pack, announcer };
}
