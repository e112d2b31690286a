import { expect } from 'vitest';
import type { TestHall } from '../support/hall-server.js';

export type LeftAtClose = Record<'serving' | 'called' | 'waiting', string>;

/**
 * Three visitors of 不动产查询 (service 6) as a hall may leave them at the day's close: F001 at window 8's counter,
 * F002 called to window 7 (its backup) and not come, F003 still waiting. Returns their ticket tokens.
 */
export async function visitorsLeftAtClose(t: TestHall): Promise<LeftAtClose> {
  const at8 = await t.openWindow('1008', 8);
  const at7 = await t.openWindow('1007', 7);
  const issue = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body.token as string;
  const tokens = { serving: await issue(), called: await issue(), waiting: await issue() };
  expect((await t.api('POST', '/api/windows/8/call-next', { cookie: at8 })).body.number).toBe('F001');
  expect((await t.api('POST', '/api/windows/8/start', { cookie: at8 })).status).toBe(200);
  expect((await t.api('POST', '/api/windows/7/call-next', { cookie: at7 })).body.number).toBe('F002');
  return tokens;
}
