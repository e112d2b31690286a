import pino from 'pino';
import type { HallSettings } from '../../protocol/config-entities.js';
import { CommandRunner, type CommittedEvent } from '../../server/command-runner.js';
import type { CommandArgs, CommandName, CommandResult } from '../../server/core/commands/index.js';
import { emptyState } from '../../server/core/state.js';
import type { Actor } from '../../server/core/types.js';
import { openDatabase, type Db } from '../../server/store/database.js';
import { at, hallSettings, serviceInput, system } from '../core/hall-fixture.js';

/** A settable hall clock for the runner. */
export class FakeClock {
  constructor(public now: number) {}
  readonly read = () => this.now;
}

export interface StatsHall {
  db: Db;
  runner: CommandRunner;
  clock: FakeClock;
  /** Every committed event, in order, as the runner published it. */
  log: CommittedEvent[];
  area: { social: number; property: number; general: number };
  service: { pension: number; transfer: number; property: number };
  windows: { id: number; number: number; staffId: number }[];
  staff: { admin: number; supervisor: number; ids: number[] };
  run<N extends CommandName>(name: N, args: CommandArgs<N>, actor?: Actor): CommandResult<N>;
  tryRun<N extends CommandName>(name: N, args: CommandArgs<N>, actor?: Actor): CommandResult<N> | null;
}

/**
 * The core fixture's hall (社保, 不动产, 综合受理; services A 5 min, B 10 min, C 20 min), built through the real command
 * runner on a real SQLite database, so the statistics read the same tables a running hall writes.
 */
export function statsHall(settings: Partial<HallSettings> = {}): StatsHall {
  const db = openDatabase(':memory:');
  const clock = new FakeClock(at('2026-11-22 20:00'));
  const runner = new CommandRunner(db, emptyState(hallSettings()), clock.read, pino({ level: 'silent' }));
  const log: CommittedEvent[] = [];
  runner.onCommitted((batch) => log.push(...batch));
  const tryRun = <N extends CommandName>(name: N, args: CommandArgs<N>, actor: Actor = system) => {
    const d = runner.run(name, args, actor);
    return d.ok ? d.result : null;
  };
  const run = <N extends CommandName>(name: N, args: CommandArgs<N>, actor: Actor = system) => {
    const d = runner.run(name, args, actor);
    if (!d.ok) throw new Error(`${name} refused: ${d.code}`);
    return d.result;
  };
  run('saveSettings', hallSettings(settings));
  const area = (code: string, zh: string) => run('saveArea', { code, name: { zh, en: code }, active: true }).id;
  const social = area('SB', '社保');
  const property = area('BDC', '不动产');
  const general = area('ZH', '综合受理');
  const pension = run('saveService', serviceInput(social, 'pension', 'A', '社保参保登记')).id;
  const transfer = run('saveService', serviceInput(social, 'transfer', 'B', '社保关系转移', { defaultHandlingMinutes: 10 })).id;
  const propertyReg = run('saveService', serviceInput(property, 'property', 'C', '不动产登记', { defaultHandlingMinutes: 20 })).id;
  const admin = run('saveStaff', { number: 'S001', name: '管理员', role: 'admin', supervisorId: null, active: true }).id;
  const supervisor = run('saveStaff', { number: 'S002', name: '值班长', role: 'supervisor', supervisorId: null, active: true }).id;
  const layout: [number, number, { serviceId: number; tier: 1 | 2 }[], boolean][] = [
    [1, social, [{ serviceId: pension, tier: 1 }, { serviceId: transfer, tier: 2 }], false],
    [2, social, [{ serviceId: transfer, tier: 1 }, { serviceId: pension, tier: 2 }], false],
    [3, property, [{ serviceId: propertyReg, tier: 1 }], false],
    [4, social, [{ serviceId: pension, tier: 1 }, { serviceId: transfer, tier: 1 }], false],
    [9, general, [], true],
  ];
  const windows = layout.map(([number, areaId, services, comprehensive], i) => {
    const staffId = run('saveStaff', { number: `S1${number}`, name: `工作人员${number}`, role: 'staff', supervisorId: i % 2 ? supervisor : admin, active: true }).id;
    const id = run('saveWindow', {
      number, name: { zh: `${number}号窗口`, en: `Window ${number}` }, areaId, services, comprehensive, priorityRule: 'hall', ledAddress: null, active: true,
    }).id;
    return { id, number, staffId };
  });
  run('savePriorityClass', { code: 'elderly', name: { zh: '老年人', en: 'elderly' }, kind: 'age', minAge: 65, active: true });
  return {
    db, runner, clock, log, area: { social, property, general }, service: { pension, transfer, property: propertyReg },
    windows, staff: { admin, supervisor, ids: windows.map((w) => w.staffId) }, run, tryRun,
  };
}
