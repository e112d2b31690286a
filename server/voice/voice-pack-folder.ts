import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A voice pack is installed by copying its folder next to the hall's database (data/voice-pack/ by default), so it
 * travels with the hall's data and needs no setting. See README.md in this folder for the format.
 */
export function voicePackDir(databasePath: string): string {
  return join(dirname(databasePath), 'voice-pack');
}

/** Flat names only: no folders, no dots but the extension, so no request can climb out of the pack folder. */
export const packFileName = /^[A-Za-z0-9_-]{1,64}\.(json|wav|mp3|ogg|oga|m4a|webm)$/;

const contentTypes: Record<string, string> = {
  json: 'application/json; charset=utf-8', wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', oga: 'audio/ogg',
  m4a: 'audio/mp4', webm: 'audio/webm',
};

export interface PackFile { body: Buffer; contentType: string }

/** One file of the installed pack, or null when there is no pack or no such file. */
export async function readPackFile(dir: string, name: string): Promise<PackFile | null> {
  const match = packFileName.exec(name);
  if (!match) return null;
  try {
    return { body: await readFile(join(dir, name)), contentType: contentTypes[match[1]] };
  } catch {
    return null;
  }
}
