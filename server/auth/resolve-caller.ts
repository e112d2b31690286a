import type { IncomingHttpHeaders } from 'node:http';
import type { HallState } from '../core/types.js';
import { staffRoles, type Caller } from '../operations/caller.js';
import type { AccessStore } from './access-store.js';

export const sessionCookie = 'hall_session';

export function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Who a request comes from: a device token (Authorization: Bearer), else the staff session cookie, else public.
 * A revoked device, an expired session or a deactivated staff member is simply public from then on.
 */
export function resolveCaller(access: AccessStore, state: HallState, now: number, headers: IncomingHttpHeaders, explicitToken?: string): Caller {
  const auth = headers.authorization;
  const bearer = explicitToken ?? (auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined);
  if (bearer) {
    const device = access.deviceByToken(bearer);
    if (device) return { kind: 'device', roles: [device.role], deviceId: device.id, windowId: device.windowId, areaId: device.areaId };
    const staff = staffBySession(access, state, now, bearer);
    if (staff) return staff;
  }
  const session = cookieValue(headers, sessionCookie);
  return (session && staffBySession(access, state, now, session)) || { kind: 'public', roles: ['public'] };
}

function staffBySession(access: AccessStore, state: HallState, now: number, token: string): Caller | null {
  const staffId = access.sessionStaff(token, now);
  const staff = staffId !== null ? state.staff.get(staffId) : undefined;
  if (!staff || !staff.active) return null;
  return { kind: 'staff', roles: staffRoles(staff.role), staffId: staff.id, sessionToken: token };
}
