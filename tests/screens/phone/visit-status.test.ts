import { describe, expect, it } from 'vitest';
import type { VisitSnapshot } from '../../../protocol/realtime.js';
import { nextStepText, statusText } from '../../../kiosk-ui/src/phone/visit-status.js';

/** F002 of 不动产查询, called to window 7 at 16:50, as the phone page is sent it. */
function visit(ticket: Partial<VisitSnapshot['ticket']>, dayClosed = false): VisitSnapshot {
  return {
    kind: 'visit', hall: { name: { zh: '示范政务服务中心', en: 'Demo Government Service Centre' } }, forecast: null,
    anyWindowOpen: false, window: null, dayClosed,
    ticket: {
      id: 2, visitId: 2, number: 'F002', status: 'cancelled', channel: 'kiosk', serviceId: 6,
      serviceName: { zh: '不动产查询', en: 'Property Records' }, areaId: 2, person: null, priorityClassId: null,
      windowId: 7, windowNumber: 7, targetWindowId: null, arrivedAt: 0, queueKey: 0, calledAt: 1_000, startedAt: null,
      finishedAt: 2_000, recalls: 0, requeues: 0, hallDay: '2026-03-10', ...ticket,
    },
  };
}

describe('what the phone page says of an ended ticket', () => {
  it('calls a visitor called and never at the counter, ended when the hall closed the window, missed, not cancelled', () => {
    expect(statusText(visit({}))).toEqual({ zh: '已过号', en: 'Your number was missed' });
    // The hall is closed: no advice to be put back in the queue.
    expect(nextStepText(visit({}))).toBeNull();
  });

  it('still says cancelled for a ticket given up before it was called', () => {
    expect(statusText(visit({ calledAt: null, windowId: null, windowNumber: null }))).toEqual({ zh: '已取消排队', en: 'Cancelled' });
  });

  it('says the day is over once the hall has closed the day', () => {
    expect(statusText(visit({}, true)).zh).toBe('当日办理已结束，本号已失效');
  });
});
