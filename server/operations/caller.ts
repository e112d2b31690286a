import type { Actor } from '../core/types.js';

/**
 * Who is asking. Staff roles nest (admin > supervisor > staff); devices have exactly their paired role and place;
 * a phone holds one visit's token; anyone else is public.
 */
export type Role = 'public' | 'phone' | 'kiosk' | 'board' | 'pad' | 'bridge' | 'staff' | 'supervisor' | 'admin';

export interface Caller {
  kind: 'public' | 'phone' | 'device' | 'staff';
  roles: Role[];
  staffId?: number;
  deviceId?: number;
  windowId?: number | null;
  areaId?: number | null;
  visitId?: number;
  sessionToken?: string;
  /** The client's address, where the request came over HTTP: the access log records where sign-ins came from. */
  address?: string;
}

export function staffRoles(role: 'staff' | 'supervisor' | 'admin'): Role[] {
  return role === 'admin' ? ['admin', 'supervisor', 'staff'] : role === 'supervisor' ? ['supervisor', 'staff'] : ['staff'];
}

export function actorOf(caller: Caller): Actor {
  if (caller.kind === 'staff') {
    const role = caller.roles.includes('admin') ? 'admin' : caller.roles.includes('supervisor') ? 'supervisor' : 'staff';
    return { kind: 'staff', staffId: caller.staffId!, role };
  }
  if (caller.kind === 'device') {
    return { kind: 'device', deviceId: caller.deviceId!, role: caller.roles[0] as 'kiosk' | 'board' | 'pad' | 'bridge', windowId: caller.windowId ?? null, areaId: caller.areaId ?? null };
  }
  return { kind: 'public' };
}
