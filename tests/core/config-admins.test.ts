import { describe, expect, it } from 'vitest';
import type { Staff } from '../../protocol/config-entities.js';
import type { Actor } from '../../server/core/types.js';
import { at, newHall, refuse, run, type Hall } from './hall-fixture.js';

const now = at('2026-11-23 08:00');
const asAdmin = (staffId: number): Actor => ({ kind: 'staff', staffId, role: 'admin' });
const staffOf = (hall: Hall, id: number): Staff => hall.state.staff.get(id)!;

function secondAdmin(hall: Hall): number {
  return run(hall.state, 'saveStaff', { number: 'S900', name: '副管理员', role: 'admin', supervisorId: null, active: true }, now).id;
}

describe('an admin cannot lock the hall out of its admin screens', () => {
  it('refuses deactivating the account one is logged in with, even with other admins left', () => {
    const hall = newHall();
    secondAdmin(hall);
    const me = staffOf(hall, hall.staff.admin);
    const err = refuse(hall.state, 'saveStaff', { ...me, active: false }, now, asAdmin(me.id));
    expect(err).toMatchObject({ code: 'SELF_DEACTIVATE', message: { zh: '不能停用、降级或删除当前登录的账号' } });
    expect(staffOf(hall, me.id).active).toBe(true);
  });

  it('refuses demoting oneself from admin, and deleting oneself', () => {
    const hall = newHall();
    secondAdmin(hall);
    const me = staffOf(hall, hall.staff.admin);
    expect(refuse(hall.state, 'saveStaff', { ...me, role: 'supervisor' }, now, asAdmin(me.id)).code).toBe('SELF_DEACTIVATE');
    expect(refuse(hall.state, 'deleteConfig', { entity: 'staff', id: me.id }, now, asAdmin(me.id)).code).toBe('SELF_DEACTIVATE');
  });

  it('refuses leaving the hall without an active admin, however it is asked', () => {
    const hall = newHall();
    const only = staffOf(hall, hall.staff.admin);
    // The system (a script, the seed) is not logged in as anyone: the last-admin rule still holds.
    expect(refuse(hall.state, 'saveStaff', { ...only, active: false }, now).code).toBe('LAST_ADMIN');
    expect(refuse(hall.state, 'saveStaff', { ...only, role: 'staff' }, now)).toMatchObject({ code: 'LAST_ADMIN', message: { zh: '至少须保留一个启用的管理员账号' } });
    expect(refuse(hall.state, 'deleteConfig', { entity: 'staff', id: only.id }, now).code).toBe('LAST_ADMIN');
  });

  it('lets one admin deactivate another while an active admin remains', () => {
    const hall = newHall();
    const other = secondAdmin(hall);
    const me = hall.staff.admin;
    expect(run(hall.state, 'saveStaff', { ...staffOf(hall, other), active: false }, now, asAdmin(me))).toMatchObject({ id: other, active: false });
    // Now the actor is the only active admin left: the other cannot be made the last one's replacement by removal.
    expect(refuse(hall.state, 'saveStaff', { ...staffOf(hall, me), active: false }, now, asAdmin(other)).code).toBe('LAST_ADMIN');
  });

  it('lets an admin save their own account unchanged in rights (a new name) and manage everyone else', () => {
    const hall = newHall();
    const me = hall.staff.admin;
    expect(run(hall.state, 'saveStaff', { ...staffOf(hall, me), name: '王管理员' }, now, asAdmin(me)).name).toBe('王管理员');
    expect(run(hall.state, 'saveStaff', { ...staffOf(hall, hall.staff.wang), active: false }, now, asAdmin(me)).active).toBe(false);
    // An account that is already no admin is not guarded: re-saving an inactive admin is fine.
    const other = secondAdmin(hall);
    run(hall.state, 'saveStaff', { ...staffOf(hall, other), active: false }, now, asAdmin(me));
    expect(run(hall.state, 'saveStaff', { ...staffOf(hall, other), name: '停用的管理员' }, now, asAdmin(me)).active).toBe(false);
  });
});

describe('a name already in use is named in each language', () => {
  it('says which field clashes, in Chinese and in English, and keeps the field code in details', () => {
    const hall = newHall();
    const err = refuse(hall.state, 'saveArea', { code: 'SB', name: { zh: '社保二区', en: 'SB2' }, active: true }, now);
    expect(err).toMatchObject({ code: 'DUPLICATE', message: { zh: '编码“SB”已被使用', en: 'Code "SB" is already in use' }, details: { field: 'code' } });
    const window1 = hall.state.windows.get(hall.window.one)!;
    expect(refuse(hall.state, 'saveWindow', { ...window1, id: undefined }, now).message).toEqual({ zh: '窗口号“1”已被使用', en: 'Window number "1" is already in use' });
    expect(refuse(hall.state, 'saveStaff', { number: 'S101', name: '另一人', role: 'staff', supervisorId: null, active: true }, now).message)
      .toEqual({ zh: '工号“S101”已被使用', en: 'Staff number "S101" is already in use' });
  });
});
