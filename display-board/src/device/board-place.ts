import { apiCall } from '../../../protocol/api-client.js';
import type { Follow } from '../../../protocol/realtime.js';

export type PlaceResult = { kind: 'follow'; follow: Follow } | { kind: 'unpaired' } | { kind: 'offline' };

/**
 * What this board follows: a board paired to an area shows that area; a hall board shows the whole hall, or one
 * area when its address says ?area=<id> (one screen per area from a single pairing).
 */
export async function resolvePlace(token: string, search: string = location.search): Promise<PlaceResult> {
  const me = await apiCall<{ roles: string[]; areaId: number | null }>('GET', '/api/auth/me', { token });
  if (!me.ok) return me.status === 401 || me.status === 403 ? { kind: 'unpaired' } : { kind: 'offline' };
  if (me.data.areaId != null) return { kind: 'follow', follow: { scope: 'area', areaId: me.data.areaId } };
  const asked = Number(new URLSearchParams(search).get('area'));
  if (Number.isInteger(asked) && asked > 0) return { kind: 'follow', follow: { scope: 'area', areaId: asked } };
  return { kind: 'follow', follow: { scope: 'hall' } };
}
