import { HttpClient, login } from '../support/http-client.js';
import { ScreenClient } from '../support/screens.js';
import { benchPassword } from '../support/hall-process.js';
import { windowInput } from './hall-config.js';
import type { HttpHall } from './http-actions.js';
import type { WindowPlan } from './profile.js';

export interface SetUpHall extends HttpHall { admin: HttpClient; adminCookie: string; boards: ScreenClient[] }

/**
 * Turns the seeded demo hall into the day's hall through the admin API, as an administrator would: the plan's
 * windows are added, each gets a caller pad paired with a one-time code, and boards are paired (the seed's hall
 * board, then area boards). Pads and boards connect over WebSocket and get their snapshot.
 */
export async function setUpHall(url: string, seed: { kioskToken: string; boardToken: string }, plan: WindowPlan[], boardCount: number, date: string): Promise<SetUpHall> {
  const admin = new HttpClient(url, 8);
  const kiosks = new HttpClient(url, 50);
  const adminCookie = await login(admin, 'admin', benchPassword);
  const get = async (path: string) => (await admin.request('GET', path, undefined, { cookie: adminCookie })).body as { id: number; code: string }[];
  const areaIds = new Map((await get('/api/areas')).map((a) => [a.code, a.id]));
  const serviceIds = new Map((await get('/api/services')).map((s) => [s.code, s.id]));
  const priorityIds = new Map((await get('/api/priority-classes')).map((p) => [p.code, p.id]));
  const windowIds = new Map<number, number>();
  for (const w of plan) {
    const res = await admin.request('POST', '/api/windows', windowInput(w, areaIds, serviceIds), { cookie: adminCookie });
    if (res.status !== 201) throw new Error(`window ${w.number}: ${res.status} ${JSON.stringify(res.body)}`);
    windowIds.set(w.number, res.body.id);
  }
  const pair = async (role: string, place: Record<string, number>) => {
    const code = await admin.request('POST', '/api/devices/pairing-codes', { role, ...place }, { cookie: adminCookie });
    const paired = await admin.request('POST', '/api/devices/pair', { code: code.body.code, name: `${role} ${JSON.stringify(place)}` });
    if (paired.status !== 201) throw new Error(`pairing a ${role}: ${paired.status} ${JSON.stringify(paired.body)}`);
    return paired.body.token as string;
  };
  const wsUrl = url.replace('http', 'ws') + '/ws';
  const pads = new Map<number, ScreenClient>();
  await Promise.all(plan.map(async (w) => {
    const token = await pair('pad', { windowId: windowIds.get(w.number)! });
    pads.set(w.number, await ScreenClient.open(wsUrl, token, { scope: 'window', windowId: windowIds.get(w.number) }));
  }));
  const boards: ScreenClient[] = [];
  const areas = [...areaIds.values()];
  for (let i = 0; i < boardCount; i++) {
    if (i === 0) boards.push(await ScreenClient.open(wsUrl, seed.boardToken, { scope: 'hall' }));
    else {
      const areaId = areas[(i - 1) % areas.length];
      boards.push(await ScreenClient.open(wsUrl, await pair('board', { areaId }), { scope: 'area', areaId }));
    }
  }
  return { admin, adminCookie, kiosks, kioskToken: seed.kioskToken, pads, windowIds, serviceIds, priorityIds, boards, date };
}
