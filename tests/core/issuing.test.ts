import { describe, expect, it } from 'vitest';
import { at, callNext, issue, newHall, openWindow, refuse, run, visitor, type Hall, type ServiceInput } from './hall-fixture.js';

function changeService(hall: Hall, serviceId: number, change: Partial<ServiceInput>) {
  const current = hall.state.services.get(serviceId)!;
  run(hall.state, 'saveService', { ...current, ...change }, at('2026-11-23 08:00'));
}

describe('service hours', () => {
  it('refuse a ticket at the lunch break, saying the service opens again today at 13:30', () => {
    const hall = newHall();
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-23 12:30'));
    expect(err.code).toBe('SERVICE_CLOSED');
    expect(err.message.zh).toBe('该业务当前不在办理时间，今天 13:30 开始办理');
    expect(err.message.en).toBe('The service is closed now; it opens today at 13:30');
  });

  it('refuse a ticket on a Saturday, naming Monday morning as the next opening', () => {
    const hall = newHall();
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-21 10:00'));
    expect(err.code).toBe('SERVICE_CLOSED');
    expect(err.message.zh).toContain('2026-11-23 09:00 开始办理');
    expect(err.message.en).toContain('it opens on 2026-11-23 at 09:00');
  });

  it('open at the first minute of a session and close at its last', () => {
    const hall = newHall();
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00')).number).toBe('A001');
    expect(issue(hall, hall.service.pension, at('2026-11-23 16:59')).number).toBe('A002');
    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-23 17:00')).code).toBe('SERVICE_CLOSED');
  });

  it("follow the service's own hours when it has them, instead of the hall's", () => {
    const hall = newHall();
    changeService(hall, hall.service.transfer, { hours: { days: [6], sessions: [{ start: '09:00', end: '12:00' }] } });
    expect(issue(hall, hall.service.transfer, at('2026-11-21 10:00')).number).toBe('B001');
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.transfer, channel: 'kiosk', person: null }, at('2026-11-23 10:00'));
    expect(err.message.en).toContain('it opens on 2026-11-28 at 09:00');
  });
});

describe('quotas', () => {
  it('a daily quota refuses the ticket after the last one, and the next day starts afresh', () => {
    const hall = newHall();
    changeService(hall, hall.service.pension, { dailyQuota: 2 });
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-23 09:02'));
    expect(err).toMatchObject({ code: 'QUOTA_REACHED', message: { zh: '该业务今日号源已满' } });
    expect(issue(hall, hall.service.pension, at('2026-11-24 09:00')).number).toBe('A001');
  });

  it('a time-slot quota refuses tickets in a full slot, saying when the next slot starts', () => {
    const hall = newHall();
    changeService(hall, hall.service.pension, { slotQuotas: [{ start: '09:00', end: '10:00', limit: 2 }] });
    issue(hall, hall.service.pension, at('2026-11-23 09:10'));
    issue(hall, hall.service.pension, at('2026-11-23 09:20'));
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-23 09:59'));
    expect(err.code).toBe('SLOT_QUOTA_REACHED');
    expect(err.message.zh).toContain('10:00 后可再取号');
    expect(err.message.en).toContain('try again after 10:00');
    expect(issue(hall, hall.service.pension, at('2026-11-23 10:00')).number).toBe('A003');
  });
});

describe('who may take a ticket', () => {
  it('a service that needs an ID refuses a ticket without one', () => {
    const hall = newHall();
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.property, channel: 'kiosk', person: null }, at('2026-11-23 09:00'));
    expect(err).toMatchObject({ code: 'ID_REQUIRED', status: 422 });
    expect(issue(hall, hall.service.property, at('2026-11-23 09:00'), { person: visitor('张三', '19800101') }).number).toBe('C001');
  });

  it('a service closed to online tickets refuses them, while others take them', () => {
    const hall = newHall();
    const person = visitor('张三', '19800101');
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.property, channel: 'online', person }, at('2026-11-23 09:00'));
    expect(err.code).toBe('ONLINE_NOT_ALLOWED');
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00'), { channel: 'online', person })).toMatchObject({ channel: 'online', number: 'A001' });
  });

  it('an inactive service takes no tickets', () => {
    const hall = newHall();
    changeService(hall, hall.service.pension, { active: false });
    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, at('2026-11-23 09:00')).code).toBe('SERVICE_INACTIVE');
  });

  it('one person holds one active ticket per service, naming the ticket they hold', () => {
    const hall = newHall();
    const person = visitor('张三', '19800101');
    issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person });
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person }, at('2026-11-23 09:05'));
    expect(err.code).toBe('ALREADY_HOLDING');
    expect(err.message.zh).toContain('A001');
    expect(issue(hall, hall.service.transfer, at('2026-11-23 09:05'), { person }).number).toBe('B001');
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:05'), { person: visitor('李四', '19800101', '002') }).number).toBe('A002');
  });

  it('a person may take a new ticket once the first is done', () => {
    const hall = newHall();
    const person = visitor('张三', '19800101');
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person });
    callNext(hall, hall.window.one, at('2026-11-23 09:01'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:02'));
    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person }, at('2026-11-23 09:03')).code).toBe('ALREADY_HOLDING');
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:04'));
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:05'), { person }).number).toBe('A002');
  });

  it('a person may take a new ticket once the first is cancelled', () => {
    const hall = newHall();
    const person = visitor('张三', '19800101');
    const first = issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person });
    run(hall.state, 'cancelTicket', { ticketId: first.id }, at('2026-11-23 09:01'));
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:02'), { person }).number).toBe('A002');
  });

  it('a hall that turns the one-ticket rule off lets a person hold several', () => {
    const hall = newHall({ onePerPersonPerService: false });
    const person = visitor('张三', '19800101');
    issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person });
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:01'), { person }).number).toBe('A002');
  });
});

describe('priority classes', () => {
  it('give the elderly class on the day of the 65th birthday, not the day before', () => {
    const hall = newHall();
    const birthdayToday = issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person: visitor('周老伯', '19611123') });
    const birthdayTomorrow = issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person: visitor('吴阿姨', '19611124') });
    expect(birthdayToday.priorityClassId).toBe(hall.priority.elderly);
    expect(birthdayTomorrow.priorityClassId).toBeNull();
  });

  it('give the oldest age class a visitor qualifies for', () => {
    const hall = newHall();
    const over80 = run(hall.state, 'savePriorityClass', { code: 'over80', name: { zh: '高龄老人', en: 'over 80' }, kind: 'age', minAge: 80, active: true }, at('2026-11-23 08:00')).id;
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person: visitor('郑爷爷', '19400101') }).priorityClassId).toBe(over80);
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person: visitor('冯奶奶', '19550101') }).priorityClassId).toBe(hall.priority.elderly);
  });

  it('accept a declared class only when the hall lets visitors choose it', () => {
    const hall = newHall();
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00'), { priorityClassId: hall.priority.disabled }).priorityClassId).toBe(hall.priority.disabled);
    const err = refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null, priorityClassId: hall.priority.elderly }, at('2026-11-23 09:01'));
    expect(err).toMatchObject({ code: 'PRIORITY_NOT_DECLARABLE', message: { zh: '该优先类别不能自行选择' } });
    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null, priorityClassId: 99 }, at('2026-11-23 09:01')).code).toBe('NOT_FOUND');
  });

  it('an inactive class is neither given nor accepted', () => {
    const hall = newHall();
    for (const id of [hall.priority.elderly, hall.priority.disabled]) {
      run(hall.state, 'savePriorityClass', { ...hall.state.priorityClasses.get(id)!, active: false }, at('2026-11-23 08:00'));
    }
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:00'), { person: visitor('周老伯', '19400101') }).priorityClassId).toBeNull();
    expect(refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null, priorityClassId: hall.priority.disabled }, at('2026-11-23 09:01')).code).toBe('NOT_FOUND');
  });
});
