import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { Staff } from '../../../protocol/config-entities.js';

export interface Me { kind: string; roles: string[]; staff: Staff | null; windowId: number | null; areaId: number | null }

/** The staff session lives in an httpOnly cookie; the pad only asks who it is and never sees the token. */
export function login(staffNumber: string, password: string): Promise<ApiResult<{ staff: Staff }>> {
  return apiCall('POST', '/api/auth/login', { body: { staffNumber, password } });
}

export async function whoAmI(): Promise<Staff | null> {
  const res = await apiCall<Me>('GET', '/api/auth/me');
  return res.ok && res.data.kind === 'staff' ? res.data.staff : null;
}

export async function logout(): Promise<void> {
  await apiCall('POST', '/api/auth/logout');
}

const windowKey = 'pad.windowId';

/** The window chosen on this pad, remembered so a reload or a new shift lands on the same desk. */
export const rememberedWindow = {
  get(): number | null {
    const v = Number(localStorage.getItem(windowKey));
    return Number.isInteger(v) && v > 0 ? v : null;
  },
  set(id: number | null): void {
    if (id === null) localStorage.removeItem(windowKey);
    else localStorage.setItem(windowKey, String(id));
  },
};
