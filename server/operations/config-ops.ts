import { z } from 'zod';
import { AreaInput, PriorityClassInput, ServiceInput, SettingsInput, StaffInput, WindowInput } from '../../protocol/commands.js';
import { hashPassword } from '../auth/passwords.js';
import type { CommandName } from '../core/commands/index.js';
import type { ConfigEntity } from '../core/types.js';
import { actorOf } from './caller.js';
import { defineOperation, type Operation } from './operation.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

interface EntitySpec {
  entity: ConfigEntity;
  path: string;
  names: [singular: string, plural: string];
  zh: string;
  input: z.ZodTypeAny;
  save: Extract<CommandName, `save${string}`>;
  /** Who may read the list: screens need services and windows, only admins need staff. */
  readers: Operation['roles'];
}

const specs: EntitySpec[] = [
  { entity: 'area', path: 'areas', names: ['Area', 'Areas'], zh: '区域', input: AreaInput, save: 'saveArea', readers: ['admin', 'supervisor', 'staff', 'kiosk', 'board', 'pad'] },
  { entity: 'service', path: 'services', names: ['Service', 'Services'], zh: '业务', input: ServiceInput, save: 'saveService', readers: ['admin', 'supervisor', 'staff', 'kiosk', 'board', 'pad'] },
  { entity: 'window', path: 'windows', names: ['Window', 'Windows'], zh: '窗口', input: WindowInput, save: 'saveWindow', readers: ['admin', 'supervisor', 'staff', 'kiosk', 'board', 'pad'] },
  { entity: 'staff', path: 'staff', names: ['Staff', 'StaffMembers'], zh: '工作人员', input: StaffInput, save: 'saveStaff', readers: ['admin', 'supervisor'] },
  { entity: 'priorityClass', path: 'priority-classes', names: ['PriorityClass', 'PriorityClasses'], zh: '优先类别', input: PriorityClassInput, save: 'savePriorityClass', readers: ['admin', 'supervisor', 'staff', 'kiosk'] },
];

function mapOf(state: Parameters<Operation['handle']>[0]['runner']['state'], entity: ConfigEntity): Map<number, unknown> {
  return { area: state.areas, service: state.services, window: state.windows, staff: state.staff, priorityClass: state.priorityClasses }[entity];
}

/** list / create / update / delete for each kind of hall config, all through the command runner. */
function crud(spec: EntitySpec): Operation[] {
  const [one, many] = spec.names;
  const save = async (ctx: Parameters<Operation['handle']>[0], caller: Parameters<Operation['handle']>[2], input: Record<string, unknown>, id?: number) => {
    const { password, ...item } = input as { password?: string };
    // Hash before the transaction: scrypt is slow on purpose and must not hold the hall's write lock.
    const hash = typeof password === 'string' ? await hashPassword(password) : null;
    const args = { ...item, ...(id !== undefined ? { id } : {}) };
    const setPassword = hash ? (_db: unknown, saved: { id: number }) => ctx.access.setPassword(saved.id, hash) : undefined;
    return ctx.runner.run(spec.save, args as never, actorOf(caller), setPassword as never);
  };
  return [
    defineOperation({
      operationId: `list${many}`, method: 'GET', url: `/api/${spec.path}`, tag: 'config', summary: `List ${many.toLowerCase()}. ${spec.zh}列表`,
      roles: spec.readers,
      handle: (ctx) => [...mapOf(ctx.runner.state, spec.entity).values()],
    }),
    defineOperation({
      operationId: `create${one}`, method: 'POST', url: `/api/${spec.path}`, tag: 'config', successStatus: 201,
      summary: `Create a ${one.toLowerCase()}. 新增${spec.zh}`, roles: ['admin'], body: spec.input,
      async handle(ctx, { body }, caller) {
        const decision = await save(ctx, caller, body as Record<string, unknown>);
        return decision.ok ? decision.result : decision;
      },
    }),
    defineOperation({
      operationId: `update${one}`, method: 'PUT', url: `/api/${spec.path}/:id`, tag: 'config',
      summary: `Replace a ${one.toLowerCase()}. 修改${spec.zh}`, roles: ['admin'], params: IdParams, body: spec.input,
      async handle(ctx, { params, body }, caller) {
        const decision = await save(ctx, caller, body as Record<string, unknown>, params.id);
        if (decision.ok && spec.entity === 'staff' && !(decision.result as { active: boolean }).active) signOut(ctx, params.id, caller, 'deactivated');
        return decision.ok ? decision.result : decision;
      },
    }),
    defineOperation({
      operationId: `delete${one}`, method: 'DELETE', url: `/api/${spec.path}/:id`, tag: 'config',
      summary: `Delete a ${one.toLowerCase()} that nothing active uses. 删除${spec.zh}`, roles: ['admin'], params: IdParams,
      handle(ctx, { params }, caller) {
        const decision = ctx.runner.run('deleteConfig', { entity: spec.entity, id: params.id }, actorOf(caller));
        if (decision.ok && spec.entity === 'staff') signOut(ctx, params.id, caller, 'deleted');
        return decision.ok ? decision.result : decision;
      },
    }),
  ];
}

/** A staff member taken out of service leaves at once: sessions end and open sockets (which keep their caller) close. */
function signOut(ctx: Parameters<Operation['handle']>[0], staffId: number, by: Parameters<Operation['handle']>[2], reason: 'deactivated' | 'deleted'): void {
  ctx.audit.access.sessionsEnding(staffId, by.staffId ?? null, reason, ctx.runner.clock());
  ctx.access.endSessionsOf(staffId);
  ctx.disconnect((c) => c.staffId === staffId);
}

export const getSettingsOp = defineOperation({
  operationId: 'getSettings', method: 'GET', url: '/api/settings', tag: 'config', summary: 'Hall settings. 大厅设置',
  roles: ['admin', 'supervisor'],
  handle: (ctx) => ctx.runner.state.settings,
});

export const updateSettingsOp = defineOperation({
  operationId: 'updateSettings', method: 'PUT', url: '/api/settings', tag: 'config', summary: 'Replace hall settings. 修改大厅设置',
  roles: ['admin'], body: SettingsInput,
  handle(ctx, { body }, caller) {
    const decision = ctx.runner.run('saveSettings', body, actorOf(caller));
    return decision.ok ? decision.result : decision;
  },
});

export const configOperations: Operation[] = [...specs.flatMap(crud), getSettingsOp, updateSettingsOp];
