import { describe, expect, it } from 'vitest';
import type { Window } from '../../../protocol/config-entities.js';
import { nobodyServesWarning, openWindowsServing, type WindowNow } from '../../../caller-pad/src/desk/transfer-targets.js';
import { staffedByOther, takenOverNotice } from '../../../caller-pad/src/session/window-staffing.js';

const window = (id: number, services: number[], extra: Partial<Window> = {}): Window => ({
  id, number: id, name: { zh: `${id}号窗口`, en: `Window ${id}` }, areaId: 1, services: services.map((serviceId) => ({ serviceId, tier: 1 as const })),
  comprehensive: false, priorityRule: 'hall', ledAddress: id, active: true, ...extra,
});
const live = (entries: [number, WindowNow['status']][]) => new Map(entries.map(([id, status]) => [id, { status, staffName: null }]));

describe('transfer targets on the caller pad', () => {
  const windows = [window(1, [10]), window(2, [10, 20]), window(3, [], { comprehensive: true }), window(4, [30], { active: false })];

  it('lists the open windows that serve a service, a comprehensive one serving all', () => {
    expect(openWindowsServing(20, windows, live([[1, 'open'], [2, 'paused'], [3, 'closed']])).map((w) => w.number)).toEqual([]);
    expect(openWindowsServing(20, windows, live([[2, 'open'], [3, 'open']])).map((w) => w.number)).toEqual([2, 3]);
    expect(openWindowsServing(30, windows, live([[4, 'open']]))).toEqual([]);
  });

  it('warns only where nobody would call the visitor now', () => {
    const now = live([[1, 'open'], [2, 'paused']]);
    expect(nobodyServesWarning({ serviceId: 10 }, windows, now)).toBeNull();
    expect(nobodyServesWarning({ serviceId: 20 }, windows, now)?.zh).toBe('目前没有开放窗口办理该业务，群众将等候至有窗口开放');
    expect(nobodyServesWarning({ windowId: 1 }, windows, now)).toBeNull();
    expect(nobodyServesWarning({ windowId: 2 }, windows, now)).toEqual({
      zh: '2号窗口目前未开放，群众将等候至该窗口开放', en: 'Window 2 is not open now; the visitor will wait until it opens',
    });
  });
});

describe('who staffs a window, as the pad sees it', () => {
  it('mirrors the server: an open or paused window with another name on it', () => {
    expect(staffedByOther({ status: 'open', staffId: 2 }, 1)).toBe(true);
    expect(staffedByOther({ status: 'paused', staffId: 2 }, 1)).toBe(true);
    expect(staffedByOther({ status: 'open', staffId: 1 }, 1)).toBe(false);
    expect(staffedByOther({ status: 'open', staffId: null }, 1)).toBe(false);
    expect(staffedByOther({ status: 'closed', staffId: 2 }, 1)).toBe(false);
    expect(takenOverNotice(1, '工作人员02')).toEqual({ zh: '1号窗口已由 工作人员02 接管', en: 'Window 1 was taken over by 工作人员02' });
  });
});
