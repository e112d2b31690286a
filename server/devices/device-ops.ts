import { z } from 'zod';
import { renderTicket } from '../../drivers/printer/decoded-ticket.js';
import { PRINTER_SIM_MODES, type PrinterSimMode } from '../../drivers/simulators/printer-sim.js';
import { FillReport } from '../../protocol/device-messages.js';
import { Id } from '../../protocol/config-entities.js';
import { windowFor } from '../core/commands/window-access.js';
import { mayOperateWindow, WindowParams } from '../operations/access-rules.js';
import { actorOf, type Caller } from '../operations/caller.js';
import { defineOperation, type Operation, type OperationContext } from '../operations/operation.js';
import { deviceError } from './device-errors.js';
import type { Simulation } from './simulation.js';


export const fillBusinessSystemOp = defineOperation({
  operationId: 'fillBusinessSystem', method: 'POST', url: '/api/windows/:windowId/fill', tag: 'devices',
  summary: 'Send the current visitor\'s identity to this window\'s desktop bridge, which types it into the business system. 一键录入',
  roles: ['staff', 'pad'], params: WindowParams,
  handle(ctx, { params }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    // Only whoever staffs the window sends its visitor's identity to its business system, as with the pad's buttons.
    const at = windowFor(ctx.runner.state, params.windowId, actorOf(caller));
    return 'ok' in at ? at : ctx.devices.fill(params.windowId);
  },
});

export const getDeviceStatusOp = defineOperation({
  operationId: 'getDeviceStatus', method: 'GET', url: '/api/devices/status', tag: 'devices',
  summary: 'The hall\'s hardware now: each kiosk\'s reader and printer, and window signs that fail. 设备状态',
  roles: ['supervisor'],
  handle: (ctx) => ctx.devices.status(),
});

export const reportFillOp = defineOperation({
  operationId: 'reportFill', method: 'POST', url: '/api/windows/:windowId/fill-result', tag: 'devices',
  summary: 'The desktop bridge reports how a fill went (never the values). 录入结果',
  roles: ['bridge'], params: WindowParams, body: FillReport,
  handle(ctx, { params, body }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    ctx.devices.reportFill(params.windowId, body);
    return { ok: true };
  },
});

/** A kiosk acts on its own peripherals; staff name a kiosk or get the first simulated one. */
function simulatedKiosk(ctx: OperationContext, caller: Caller, asked: number | undefined): { sim: Simulation; deviceId: number } | ReturnType<typeof deviceError> {
  const sim = ctx.devices.simulation;
  if (!sim) return deviceError('NOT_SIMULATING');
  const deviceId = caller.kind === 'device' ? caller.deviceId! : asked ?? sim.firstKiosk;
  if (deviceId == null || !sim.has(deviceId)) return deviceError('NO_SUCH_KIOSK');
  return { sim, deviceId };
}

const KioskChoice = { kioskDeviceId: Id.optional() };

export const simulateCardInsertOp = defineOperation({
  operationId: 'simulateCardInsert', method: 'POST', url: '/api/devices/simulated/card', tag: 'devices',
  summary: 'Simulation only: place a sample ID card on a kiosk\'s simulated reader (or one whose chip cannot be read); it is lifted after 3 s. 模拟刷证',
  roles: ['kiosk', 'staff'],
  body: z.object({ fixture: z.number().int().min(0).max(9).default(0), unreadable: z.boolean().default(false), ...KioskChoice }).strict(),
  handle(ctx, { body }, caller) {
    const at = simulatedKiosk(ctx, caller, body.kioskDeviceId);
    if (!('sim' in at)) return at;
    const nameMasked = at.sim.insertCard(at.deviceId, body.fixture ?? 0, body.unreadable ?? false);
    return nameMasked === null ? deviceError('NO_SUCH_KIOSK') : { kioskDeviceId: at.deviceId, nameMasked };
  },
});

/**
 * A kiosk asks once at start whether its own reader is simulated, to offer 模拟刷卡 in a demo hall. "No" is a normal
 * answer here, not a 404: a real kiosk asks it too, and the simulation controls' NOT_SIMULATING would be a console
 * error on every real kiosk's start.
 */
export const getSimulatedKioskOp = defineOperation({
  operationId: 'getSimulatedKiosk', method: 'GET', url: '/api/devices/simulated/kiosk', tag: 'devices',
  summary: 'Whether the asking kiosk\'s peripherals are simulated (a demo hall); false on real hardware. 是否模拟外设',
  roles: ['kiosk'],
  handle(ctx, _input, caller) {
    const sim = ctx.devices.simulation;
    return { simulated: sim !== null && caller.deviceId !== undefined && sim.has(caller.deviceId) };
  },
});

export const getSimulatedTicketOp = defineOperation({
  operationId: 'getSimulatedTicket', method: 'GET', url: '/api/devices/simulated/printer/last', tag: 'devices',
  summary: 'Simulation only: the last ticket a kiosk\'s simulated printer printed, decoded from its bytes. 模拟打印',
  roles: ['kiosk', 'staff'], query: z.object({ kioskDeviceId: z.coerce.number().pipe(Id).optional() }).strict(),
  handle(ctx, { query }, caller) {
    const at = simulatedKiosk(ctx, caller, query.kioskDeviceId);
    if (!('sim' in at)) return at;
    const ticket = at.sim.lastTicket(at.deviceId);
    if (!ticket) return deviceError('NOTHING_PRINTED');
    return { kioskDeviceId: at.deviceId, text: renderTicket(ticket, 48), lines: ticket.lines.map((l) => l.text), qrCodes: ticket.qrCodes.map((q) => q.payload), cut: ticket.cut !== null };
  },
});

export const setSimulatedPrinterModeOp = defineOperation({
  operationId: 'setSimulatedPrinterMode', method: 'POST', url: '/api/devices/simulated/printer/mode', tag: 'devices',
  summary: 'Simulation only: put a simulated printer out of paper, cover open, offline ... 模拟打印机状态',
  roles: ['staff'], body: z.object({ mode: z.enum(PRINTER_SIM_MODES as [PrinterSimMode, ...PrinterSimMode[]]), ...KioskChoice }).strict(),
  handle(ctx, { body }, caller) {
    const at = simulatedKiosk(ctx, caller, body.kioskDeviceId);
    if (!('sim' in at)) return at;
    at.sim.setPrinterMode(at.deviceId, body.mode);
    return { kioskDeviceId: at.deviceId, mode: body.mode };
  },
});

export const getSimulatedSignsOp = defineOperation({
  operationId: 'getSimulatedSigns', method: 'GET', url: '/api/devices/simulated/signs', tag: 'devices',
  summary: 'Simulation only: what each simulated window sign shows, decoded from the line. 模拟窗口屏',
  roles: ['staff', 'kiosk', 'board'],
  handle(ctx) {
    const signs = ctx.devices.simulation?.signs();
    return signs ? { signs } : deviceError('NOT_SIMULATING');
  },
});

export const deviceOperations: Operation[] = [
  fillBusinessSystemOp, reportFillOp, getDeviceStatusOp, getSimulatedKioskOp, simulateCardInsertOp, getSimulatedTicketOp, setSimulatedPrinterModeOp, getSimulatedSignsOp,
];
