import { Announcer, type AnnouncementRecord } from './announcer.js';
import { AudioOutput } from './audio-output.js';
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

/** The board's sound: one audio output, the installed voice pack if any, the server's voice, and the queue. */
export function createBoardVoice(token: string): BoardVoice {
  const output = new AudioOutput();
  const pack = new PackVoice(output, async (name) => {
    const res = await fetch(`/voice-pack/${name}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    return res.ok ? res.arrayBuffer() : null;
  });
  const announcer = new Announcer(output, pack, new ServerVoice(output, token));
  // Read-only view of the queue for maintenance from the browser console and for end-to-end tests.
  Object.defineProperty(window, '__boardAnnouncements', { configurable: true, get: () => announcer.records() });
  return { output, pack, announcer };
}
