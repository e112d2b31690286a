import { describe, expect, it } from 'vitest';
import { at, callNext, hallSettings, issue, newHall, openWindow, refuse, run, serviceInput, visitor } from './hall-fixture.js';

const now = at('2026-11-23 08:00');

describe('saving configuration', () => {
  it('builds the hall the commands describe, with every new window closed', () => {
    const hall = newHall();
    expect([...hall.state.services.values()].map((s) => s.prefix)).toEqual(['A', 'B', 'C']);
    expect([...hall.state.windows.values()].map((w) => w.number)).toEqual([1, 2, 3, 8, 9]);
    for (const w of hall.state.windows.values()) expect(hall.state.runtime.get(w.id)).toMatchObject({ status: 'closed', currentTicketId: null });
    expect(hall.state.settings.timeZone).toBe('Asia/Shanghai');
  });

  it('refuses a ticket prefix another service already uses', () => {
    const hall = newHall();
    const err = refuse(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'A', '税务登记'), now);
    expect(err).toMatchObject({ code: 'DUPLICATE', message: { zh: '票号前缀“A”已被使用', en: 'Ticket prefix "A" is already in use' } });
  });

  it('refuses a service code another service already uses', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'saveService', serviceInput(hall.area.general, 'pension', 'D', '税务登记'), now).details).toMatchObject({ field: 'code' });
  });

  it('lets a service be saved again under its own id with its own prefix', () => {
    const hall = newHall();
    const pension = hall.state.services.get(hall.service.pension)!;
    expect(run(hall.state, 'saveService', { ...pension, defaultHandlingMinutes: 8 }, now)).toMatchObject({ id: pension.id, prefix: 'A', defaultHandlingMinutes: 8 });
    expect(hall.state.services.size).toBe(3);
  });

  it('refuses a window number already in use, and duplicate area, staff and priority codes', () => {
    const hall = newHall();
    const window1 = hall.state.windows.get(hall.window.one)!;
    expect(refuse(hall.state, 'saveWindow', { ...window1, id: undefined, name: { zh: '新窗口', en: 'New' } }, now).details).toMatchObject({ field: 'number', value: 1 });
    expect(refuse(hall.state, 'saveArea', { code: 'SB', name: { zh: '社保二区', en: 'SB2' }, active: true }, now).code).toBe('DUPLICATE');
    expect(refuse(hall.state, 'saveStaff', { number: 'S101', name: '另一人', role: 'staff', supervisorId: null, active: true }, now).code).toBe('DUPLICATE');
    expect(refuse(hall.state, 'savePriorityClass', { code: 'elderly', name: { zh: '老人', en: 'x' }, kind: 'age', minAge: 60, active: true }, now).code).toBe('DUPLICATE');
  });

  it('refuses references to things that do not exist', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'saveService', serviceInput(99, 'tax', 'D', '税务登记'), now)).toMatchObject({ code: 'INVALID_REFERENCE', message: { en: 'The referenced Area does not exist' } });
    const window1 = hall.state.windows.get(hall.window.one)!;
    expect(refuse(hall.state, 'saveWindow', { ...window1, services: [{ serviceId: 99, tier: 1 }] }, now).message.en).toContain('Service');
    expect(refuse(hall.state, 'saveWindow', { ...window1, areaId: 99 }, now).code).toBe('INVALID_REFERENCE');
    expect(refuse(hall.state, 'saveStaff', { number: 'S200', name: '新人', role: 'staff', supervisorId: 99, active: true }, now).message.en).toContain('Staff member');
  });

  it('refuses to update something that does not exist', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'saveArea', { id: 42, code: 'X', name: { zh: '某区', en: 'X' }, active: true }, now).code).toBe('NOT_FOUND');
  });

  it('refuses opening hours whose session ends before it starts, and thresholds in the wrong order', () => {
    const hall = newHall();
    const hours = { days: [1], sessions: [{ start: '14:00', end: '13:00' }] };
    expect(refuse(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'D', '税务登记', { hours }), now).code).toBe('INVALID_CONFIG');
    expect(refuse(hall.state, 'saveSettings', hallSettings({ hours }), now).message.en).toContain('session 14:00-13:00');
    expect(refuse(hall.state, 'saveSettings', hallSettings({ yellowWaitMinutes: 30, redWaitMinutes: 30 }), now).message.zh).toContain('黄色预警须早于红色预警');
  });

  it('refuses an age priority class without a minimum age', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'savePriorityClass', { code: 'old', name: { zh: '老人', en: 'old' }, kind: 'age', minAge: null, active: true }, now).code).toBe('INVALID_CONFIG');
  });
});

describe('deleting configuration', () => {
  it('removes something nothing uses', () => {
    const hall = newHall();
    const tax = run(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'D', '税务登记'), now).id;
    expect(run(hall.state, 'deleteConfig', { entity: 'service', id: tax }, now)).toEqual({ id: tax });
    expect(hall.state.services.has(tax)).toBe(false);
  });

  it('refuses an area that services or windows belong to', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'deleteConfig', { entity: 'area', id: hall.area.social }, now)).toMatchObject({ code: 'IN_USE', message: { zh: '区域仍在使用中（有进行中的票号、预约，或被其他配置引用），请先停用' } });
  });

  it('refuses a service a window serves', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'deleteConfig', { entity: 'service', id: hall.service.pension }, now).code).toBe('IN_USE');
  });

  it('refuses a service with a booking still to come until it is cancelled', () => {
    const hall = newHall();
    const tax = run(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'D', '税务登记'), now).id;
    const booked = run(hall.state, 'createAppointment', { serviceId: tax, date: '2026-11-24', slotStart: '10:00', person: visitor('张三', '19800101'), code: '123456' }, at('2026-11-23 09:00'));
    expect(refuse(hall.state, 'deleteConfig', { entity: 'service', id: tax }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    run(hall.state, 'cancelAppointment', { appointmentId: booked.id }, at('2026-11-23 09:02'));
    run(hall.state, 'deleteConfig', { entity: 'service', id: tax }, at('2026-11-23 09:03'));
    expect(hall.state.services.has(tax)).toBe(false);
  });

  it('refuses a service with active tickets until they are over', () => {
    const hall = newHall();
    const tax = run(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'D', '税务登记'), now).id;
    const t = issue(hall, tax, at('2026-11-23 09:00'));
    expect(refuse(hall.state, 'deleteConfig', { entity: 'service', id: tax }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    run(hall.state, 'cancelTicket', { ticketId: t.id }, at('2026-11-23 09:02'));
    run(hall.state, 'deleteConfig', { entity: 'service', id: tax }, at('2026-11-23 09:03'));
    expect(hall.state.services.has(tax)).toBe(false);
  });

  it('refuses to deactivate a window with a visitor called to it, or sent to it, until they are dealt with', () => {
    const hall = newHall();
    const three = hall.state.windows.get(hall.window.three)!;
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    const called = issue(hall, hall.service.property, at('2026-11-23 09:00'), { person: visitor('张三', '19800101') });
    callNext(hall, hall.window.three, at('2026-11-23 09:01'));
    expect(refuse(hall.state, 'saveWindow', { ...three, active: false }, at('2026-11-23 09:02')).code).toBe('IN_USE');
    run(hall.state, 'markNoShow', { windowId: hall.window.three }, at('2026-11-23 09:03'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.three, status: 'closed' }, at('2026-11-23 09:04'));
    // Sent to this window while it is closed: still theirs to call.
    const sent = issue(hall, hall.service.property, at('2026-11-23 09:05'), { person: visitor('李四', '19810101', '002') });
    const leg = run(hall.state, 'transferTicket', { ticketId: sent.id, windowId: hall.window.three }, at('2026-11-23 09:06'));
    expect(refuse(hall.state, 'saveWindow', { ...three, active: false }, at('2026-11-23 09:07')).code).toBe('IN_USE');
    run(hall.state, 'cancelTicket', { ticketId: leg.id }, at('2026-11-23 09:08'));
    expect(run(hall.state, 'saveWindow', { ...three, active: false }, at('2026-11-23 09:09')).active).toBe(false);
    expect(hall.state.tickets.get(called.id)?.status).toBe('no_show');
  });

  it('refuses a window that is open, and removes it with its runtime once closed', () => {
    const hall = newHall();
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    expect(refuse(hall.state, 'deleteConfig', { entity: 'window', id: hall.window.three }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    run(hall.state, 'setWindowStatus', { windowId: hall.window.three, status: 'closed' }, at('2026-11-23 09:02'));
    run(hall.state, 'deleteConfig', { entity: 'window', id: hall.window.three }, at('2026-11-23 09:03'));
    expect(hall.state.windows.has(hall.window.three)).toBe(false);
    expect(hall.state.runtime.has(hall.window.three)).toBe(false);
  });

  it('refuses a staff member logged in at a window or supervising others', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    expect(refuse(hall.state, 'deleteConfig', { entity: 'staff', id: hall.staff.wang }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    // The only admin is refused as the last admin first; with a second admin, as the supervisor of others.
    expect(refuse(hall.state, 'deleteConfig', { entity: 'staff', id: hall.staff.admin }, at('2026-11-23 09:01')).code).toBe('LAST_ADMIN');
    run(hall.state, 'saveStaff', { number: 'S900', name: '副管理员', role: 'admin', supervisorId: null, active: true }, at('2026-11-23 09:01'));
    expect(refuse(hall.state, 'deleteConfig', { entity: 'staff', id: hall.staff.admin }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    run(hall.state, 'deleteConfig', { entity: 'staff', id: hall.staff.li }, at('2026-11-23 09:01'));
    expect(hall.state.staff.has(hall.staff.li)).toBe(false);
  });

  it('refuses a priority class an active ticket has', () => {
    const hall = newHall();
    issue(hall, hall.service.pension, at('2026-11-23 09:00'), { priorityClassId: hall.priority.disabled });
    expect(refuse(hall.state, 'deleteConfig', { entity: 'priorityClass', id: hall.priority.disabled }, at('2026-11-23 09:01')).code).toBe('IN_USE');
    run(hall.state, 'deleteConfig', { entity: 'priorityClass', id: hall.priority.elderly }, at('2026-11-23 09:01'));
  });

  it('refuses something that does not exist', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'deleteConfig', { entity: 'window', id: 99 }, now).code).toBe('NOT_FOUND');
  });
});
