import { apiCall } from '../../../protocol/api-client.js';
import { DeviceTokenStore } from '../../../protocol/device-token.js';
import type { Window } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';

const tokens = new DeviceTokenStore('rate.deviceToken');

/**
 * The rating screen is either a paired rating pad (a device token from `?token=` or a pairing code, kept in
 * localStorage) or a second screen of the staff PC, riding on the staff session cookie.
 */
export function takeTokenFromUrl(): string | null {
  return tokens.take();
}

export async function pairRatingPad(code: string): Promise<{ ok: true; token: string } | { ok: false; error: ErrorBody }> {
  const res = await apiCall<{ token: string }>('POST', '/api/devices/pair', { body: { code, name: '评价器' } });
  if (!res.ok) return res;
  tokens.save(res.data.token);
  return { ok: true, token: res.data.token };
}

export interface RatingPlace { windowId: number; windowName: Window['name'] }

/**
 * Which window this screen faces: a pad device knows its window; a staff screen is told by `?window=<number>`.
 * Null with an error when neither works (no session, unknown window).
 */
export async function findPlace(token: string | null): Promise<RatingPlace | { error: ErrorBody }> {
  const me = await apiCall<{ kind: string; windowId: number | null }>('GET', '/api/auth/me', { token });
  if (!me.ok) return { error: me.error };
  const windows = await apiCall<Window[]>('GET', '/api/windows', { token });
  if (!windows.ok) return { error: windows.error };
  const asked = Number(new URL(location.href).searchParams.get('window'));
  const found = windows.data.find((w) => (me.data.windowId !== null ? w.id === me.data.windowId : w.number === asked));
  if (!found) {
    return { error: { code: 'NO_WINDOW', message: { zh: '未指定窗口：请在地址后加 ?window=窗口号', en: 'No window given: add ?window=<number> to the address' } } };
  }
  return { windowId: found.id, windowName: found.name };
}
