import { z } from 'zod';
import { CreatePairingCodeBody, LoginBody, PairDeviceBody } from '../../protocol/commands.js';
import { domainError, notFound } from '../core/errors.js';
import { verifyPassword } from '../auth/passwords.js';
import { defineOperation } from './operation.js';

/**
 * Login answers the same way for an unknown number and a wrong password, so numbers cannot be probed. Only someone
 * who gave the right password for a deactivated account is told it is deactivated: they have proved who they are,
 * and "wrong password" would send them guessing (and into the login throttle) instead of to an admin. The access
 * log keeps the same distinction and no more: the number typed and one reason for both, never the password.
 */
export const loginOp = defineOperation({
  operationId: 'login', method: 'POST', url: '/api/auth/login', tag: 'auth',
  summary: 'Staff log in with staff number and password. 工作人员登录',
  roles: ['public'], body: LoginBody, rateLimited: true,
  async handle(ctx, { body }, caller) {
    const found = ctx.access.passwordHashOf(body.staffNumber);
    const ok = await verifyPassword(body.password, found?.hash ?? null);
    const staff = found ? ctx.runner.state.staff.get(found.id) : undefined;
    const now = ctx.runner.clock();
    const address = caller.address;
    if (!ok || !staff) {
      ctx.audit.access.record({ action: 'signInFailed', staffNumber: body.staffNumber, reason: 'badCredentials', address }, now);
      return domainError('BAD_CREDENTIALS');
    }
    if (!staff.active) {
      ctx.audit.access.record({ action: 'signInFailed', staffId: staff.id, staffNumber: body.staffNumber, reason: 'deactivated', address }, now);
      return domainError('ACCOUNT_DEACTIVATED');
    }
    const token = ctx.access.createSession(staff.id, now, ctx.config.sessionHours);
    ctx.audit.access.record({ action: 'signIn', staffId: staff.id, address }, now);
    return { staff, sessionToken: token };
  },
});

export const logoutOp = defineOperation({
  operationId: 'logout', method: 'POST', url: '/api/auth/logout', tag: 'auth', summary: 'End this session. 退出登录',
  roles: ['staff'],
  handle(ctx, _input, caller) {
    if (caller.sessionToken) ctx.access.endSession(caller.sessionToken);
    ctx.audit.access.record({ action: 'signOut', staffId: caller.staffId, address: caller.address }, ctx.runner.clock());
    ctx.disconnect((c) => c.sessionToken === caller.sessionToken);
    return { ok: true };
  },
});

export const meOp = defineOperation({
  operationId: 'whoAmI', method: 'GET', url: '/api/auth/me', tag: 'auth', summary: 'Who this session or device is.',
  roles: ['staff', 'kiosk', 'board', 'pad', 'bridge'],
  handle(ctx, _input, caller) {
    const staff = caller.staffId !== undefined ? ctx.runner.state.staff.get(caller.staffId) ?? null : null;
    return { kind: caller.kind, roles: caller.roles, staff, windowId: caller.windowId ?? null, areaId: caller.areaId ?? null };
  },
});

export const createPairingCodeOp = defineOperation({
  operationId: 'createPairingCode', method: 'POST', url: '/api/devices/pairing-codes', tag: 'devices', successStatus: 201,
  summary: 'A one-time code to pair a kiosk, board, pad or bridge to a place. 设备配对码',
  roles: ['admin'], body: CreatePairingCodeBody,
  handle(ctx, { body }, caller) {
    const state = ctx.runner.state;
    if (body.windowId != null && !state.windows.has(body.windowId)) return notFound('window', body.windowId);
    if (body.areaId != null && !state.areas.has(body.areaId)) return notFound('area', body.areaId);
    if ((body.role === 'pad' || body.role === 'bridge') && body.windowId == null) {
      return domainError('INVALID_CONFIG', { reasonZh: '叫号器和桌面助手须绑定窗口', reasonEn: 'a pad or bridge must be paired to a window' });
    }
    const place = { role: body.role, areaId: body.areaId ?? null, windowId: body.windowId ?? null };
    const code = ctx.access.createPairingCode(place.role, place.areaId, place.windowId, ctx.runner.clock());
    ctx.audit.access.record({ action: 'pairingCode', staffId: caller.staffId, ...place, address: caller.address }, ctx.runner.clock());
    return code;
  },
});

export const pairDeviceOp = defineOperation({
  operationId: 'pairDevice', method: 'POST', url: '/api/devices/pair', tag: 'devices', successStatus: 201,
  summary: 'A device spends its pairing code and receives its token. 设备配对',
  roles: ['public'], body: PairDeviceBody, rateLimited: true,
  handle(ctx, { body }, caller) {
    const now = ctx.runner.clock();
    const paired = ctx.access.pair(body.code, body.name ?? 'device', now);
    if (!paired) {
      ctx.audit.access.record({ action: 'pairingFailed', address: caller.address }, now);
      return domainError('BAD_PAIRING_CODE');
    }
    const { id, name, role, areaId, windowId } = paired.device;
    ctx.audit.access.record({ action: 'devicePaired', deviceId: id, deviceName: name, role, areaId, windowId, address: caller.address }, now);
    return paired;
  },
});

export const listDevicesOp = defineOperation({
  operationId: 'listDevices', method: 'GET', url: '/api/devices', tag: 'devices', summary: 'Paired devices. 设备列表',
  roles: ['admin'],
  handle: (ctx) => ctx.access.listDevices(),
});

export const revokeDeviceOp = defineOperation({
  operationId: 'revokeDevice', method: 'POST', url: '/api/devices/:deviceId/revoke', tag: 'devices',
  summary: 'Revoke a device at once, including its open connections. 吊销设备',
  roles: ['admin'], params: z.object({ deviceId: z.coerce.number().int().positive() }).strict(),
  handle(ctx, { params }, caller) {
    // Read before: the log names the device and its place, as the admin chose it from the list.
    const device = ctx.access.listDevices().find((d) => d.id === params.deviceId);
    if (!ctx.access.revokeDevice(params.deviceId, ctx.runner.clock())) return notFound('device', params.deviceId);
    ctx.audit.access.record({
      action: 'deviceRevoked', staffId: caller.staffId, deviceId: params.deviceId, deviceName: device?.name, role: device?.role,
      areaId: device?.areaId, windowId: device?.windowId, address: caller.address,
    }, ctx.runner.clock());
    ctx.disconnect((c) => c.deviceId === params.deviceId);
    return { ok: true };
  },
});

export const authOperations = [loginOp, logoutOp, meOp, createPairingCodeOp, pairDeviceOp, listDevicesOp, revokeDeviceOp];
