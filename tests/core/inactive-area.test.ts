import { describe, expect, it } from 'vitest';
import { at, callNext, issue, newHall, openWindow, refuse, run, visitor, type Hall } from './hall-fixture.js';

const zhang = visitor('张三', '19800101');

function setAreaActive(hall: Hall, areaId: number, active: boolean): void {
  run(hall.state, 'saveArea', { ...hall.state.areas.get(areaId)!, active }, at('2026-11-23 08:00'));
}

/** 社保 (area SB) holds services A and B; deactivating the area takes both off offer at once. */
describe('a deactivated area', () => {
  it('takes no new tickets for its services, from any channel, while its service itself is still active', () => {
    const hall = newHall();
    setAreaActive(hall, hall.area.social, false);
    expect(hall.state.services.get(hall.service.pension)!.active).toBe(true);
    for (const channel of ['kiosk', 'online', 'staff'] as const) {
      const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel, person: zhang }, at('2026-11-23 09:00'));
      expect(err).toMatchObject({ code: 'SERVICE_INACTIVE', message: { zh: '该业务已停用', en: 'The service is not offered' } });
    }
    // Another area's services go on as before.
    expect(issue(hall, hall.service.property, at('2026-11-23 09:00'), { person: zhang }).number).toBe('C001');
  });

  it('takes no bookings, and checks nobody in: the appointment stays booked for when the area is back', () => {
    const hall = newHall();
    const booked = run(hall.state, 'createAppointment', { serviceId: hall.service.pension, date: '2026-11-23', slotStart: '10:00', person: zhang, code: '100001' }, at('2026-11-20 10:00'));
    setAreaActive(hall, hall.area.social, false);
    expect(refuse(hall.state, 'createAppointment', { serviceId: hall.service.transfer, date: '2026-11-24', slotStart: '10:00', person: zhang, code: '100002' }, at('2026-11-20 10:00')).code)
      .toBe('SERVICE_INACTIVE');
    expect(refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:55')).code).toBe('SERVICE_INACTIVE');
    expect(hall.state.appointments.get(booked.id)!.status).toBe('booked');

    setAreaActive(hall, hall.area.social, true);
    expect(run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:56'))).toMatchObject({ number: 'A001', channel: 'appointment' });
  });

  it('keeps the tickets already waiting there, and open windows call and serve them as before', () => {
    const hall = newHall();
    const a1 = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    const b1 = issue(hall, hall.service.transfer, at('2026-11-23 09:01'));
    openWindow(hall, hall.window.one, at('2026-11-23 09:02'));
    setAreaActive(hall, hall.area.social, false);

    expect(hall.state.active.get(a1.id)?.status).toBe('waiting');
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:03')).number).toBe('A001');
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:04'));
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:08'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:09')).id).toBe(b1.id);
  });

  it('offers its services again once reactivated, numbering on from the day', () => {
    const hall = newHall();
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    setAreaActive(hall, hall.area.social, false);
    setAreaActive(hall, hall.area.social, true);
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:10')).number).toBe('A002');
  });
});

describe('a service deactivated during the day', () => {
  it('takes no new tickets, but the visitors already waiting for it are still called and served', () => {
    const hall = newHall();
    const a1 = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    openWindow(hall, hall.window.one, at('2026-11-23 09:02'));
    run(hall.state, 'saveService', { ...hall.state.services.get(hall.service.pension)!, active: false }, at('2026-11-23 09:03'));

    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: zhang }, at('2026-11-23 09:04')).code).toBe('SERVICE_INACTIVE');
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:05')).id).toBe(a1.id);
  });
});
