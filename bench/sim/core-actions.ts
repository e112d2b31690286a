import { createHash } from 'node:crypto';
import { commands, type CommandArgs, type CommandName, type CommandResult } from '../../server/core/commands/index.js';
import { evolve } from '../../server/core/evolve.js';
import { emptyState } from '../../server/core/state.js';
import type { Actor, HallState, Ticket } from '../../server/core/types.js';
import { InterimWaits } from '../../server/core/forecast/interim.js';
import { ForecastModel } from '../../server/forecast/forecast-model.js';
import { ForecastTable } from '../../server/forecast/forecast-table.js';
import { personOf } from '../../server/privacy/identity-keys.js';
import { VariantForecaster, type ForecastFn } from '../proposals/proposed-forecaster.js';
import type { Called, HallActions, Issued, Refused, WindowStatus } from './actions.js';
import type { SimClock } from './clock.js';
import { appointmentCode, areaInputs, benchSettings, priorityClassInputs, serviceInputs, windowInput } from './hall-config.js';
import type { DayProfile, WindowPlan } from './profile.js';
import type { SimVisitor } from './visitors.js';

type Outcome<R> = { ok: true; result: R } | { ok: false; code: string };

/**
 * The hall's pure domain driven in-process on a virtual clock: each action is the command the server would run,
 * applied as the runner applies it, and a ticket's estimated wait is what the server replies with: told from the
 * forecast thread's last forecast (made just before the issue, as the thread keeps up at a hall's pace) by
 * InterimWaits, or, for a service that forecast knew nothing of, the forecast with the ticket in it. Beside it,
 * as the variant "with the ticket", that full forecast for every ticket. No SQLite, no network, and a whole day
 * takes seconds.
 */
export class CoreActions implements HallActions {
  readonly state: HallState;
  private readonly windows = new Map<number, number>();
  private readonly services = new Map<string, number>();
  private readonly priority = new Map<string, number>();
  private readonly hashKey = createHash('sha256').update('bench-id-hash-key').digest();
  private readonly date: string;
  private readonly model: ForecastModel;
  readonly variants = new Map<string, VariantForecaster>();
  private issues = 0;
  /** Time spent forecasting at each issue, for the record. */
  forecastMs: number[] = [];

  /** `variants`: proposed forecasts to ask at each issue beside the server's, with or without calibration. */
  /** `variantEvery`: ask the variants at every n-th issue only (they are slower than the server's forecast). */
  constructor(profile: DayProfile, plan: WindowPlan[], private readonly clock: SimClock, variants: Record<string, { fn: ForecastFn; calibrate: boolean }> = {}, private readonly variantEvery = 1) {
    this.date = profile.date;
    this.state = emptyState(benchSettings(profile.timeZone));
    const system: Actor = { kind: 'system' };
    this.must('saveSettings', this.state.settings, system);
    const areaIds = new Map(areaInputs.map((a) => [a.code, this.must('saveArea', a, system).id]));
    for (const s of serviceInputs(areaIds)) this.services.set(s.code, this.must('saveService', s, system).id);
    for (const p of priorityClassInputs) this.priority.set(p.code, this.must('savePriorityClass', p, system).id);
    for (const w of plan) this.windows.set(w.number, this.must('saveWindow', windowInput(w, areaIds, this.services), system).id);
    this.model = new ForecastModel(this.state);
    for (const [name, v] of Object.entries(variants)) this.variants.set(name, new VariantForecaster(this.state, () => clock.now(), v.fn, v.calibrate));
  }

  private run<N extends CommandName>(name: N, args: CommandArgs<N>, actor: Actor = { kind: 'system' }): Outcome<CommandResult<N>> {
    const handler = commands[name] as (s: HallState, a: unknown, c: { now: number; actor: Actor }) => { ok: boolean; code?: string; events?: never[]; result?: unknown };
    const decision = handler(this.state, args, { now: this.clock.now(), actor });
    if (!decision.ok) return { ok: false, code: decision.code! };
    for (const event of decision.events!) evolve(this.state, event);
    if (decision.events!.length > 0) {
      this.model?.watch(this.clock.now());
      for (const v of this.variants.values()) v.invalidate();
    }
    return { ok: true, result: decision.result as CommandResult<N> };
  }

  private must<N extends CommandName>(name: N, args: CommandArgs<N>, actor: Actor): CommandResult<N> {
    const out = this.run(name, args, actor);
    if (!out.ok) throw new Error(`${name} refused: ${out.code}`);
    return out.result;
  }

  private pad(window: number): Actor {
    return { kind: 'device', deviceId: window, role: 'pad', windowId: this.windows.get(window)!, areaId: null };
  }

  /** The forecast just before an issue, as the thread last sent it: what a rush's ticket is told from. */
  private previous(): ForecastTable {
    const now = this.clock.now();
    const { forecasts, quotes, caseOverheadMs } = this.model.compute(now);
    return new ForecastTable(ForecastTable.rowsOf(forecasts), quotes, caseOverheadMs, 0, now);
  }

  private issued(out: Outcome<Ticket>, previous: ForecastTable): Issued | Refused {
    if (!out.ok) return { refused: out.code };
    const started = performance.now();
    const full = this.model.compute(this.clock.now()).forecasts.get(out.result.id);
    this.forecastMs.push(performance.now() - started);
    const interim = new InterimWaits();
    interim.reset(previous);
    const forecast = interim.tell(this.state, out.result, this.clock.now()) ?? full;
    const variants: Record<string, number | null> = { 'with the ticket': full?.etaMinutes ?? null };
    if (this.issues++ % this.variantEvery === 0) for (const [name, v] of this.variants) variants[name] = v.get().get(out.result.id)?.etaMinutes ?? null;
    return { ticketId: out.result.id, visitId: out.result.visitId, number: out.result.number, etaMinutes: forecast?.etaMinutes ?? null, variants };
  }

  async book(v: SimVisitor): Promise<string | null> {
    const out = this.run('createAppointment', {
      serviceId: this.services.get(v.legs[0].service)!, date: this.date,
      slotStart: v.appointmentSlot!, person: personOf(v.identity, this.hashKey), code: appointmentCode(v.index),
    });
    return out.ok ? out.result.code : null;
  }

  async issue(v: SimVisitor): Promise<Issued | Refused> {
    const priorityClassId = v.declaredPriority ? this.priority.get(v.declaredPriority) : undefined;
    const previous = this.previous();
    return this.issued(this.run('issueTicket', { serviceId: this.services.get(v.legs[0].service)!, channel: 'kiosk', person: personOf(v.identity, this.hashKey), priorityClassId }), previous);
  }

  async checkIn(_v: SimVisitor, code: string): Promise<Issued | Refused> {
    const previous = this.previous();
    return this.issued(this.run('checkInAppointment', { code }), previous);
  }

  async requeue(ticketId: number): Promise<boolean> {
    return this.run('requeueTicket', { ticketId }).ok;
  }

  async setStatus(window: number, status: WindowStatus, reason?: 'lunch' | 'break'): Promise<boolean> {
    return this.run('setWindowStatus', { windowId: this.windows.get(window)!, status, ...(reason ? { reason } : {}) }, this.pad(window)).ok;
  }

  async callNext(window: number): Promise<Called | null> {
    const out = this.run('callNext', { windowId: this.windows.get(window)! }, this.pad(window));
    return out.ok ? { ticketId: out.result.id, visitId: out.result.visitId, number: out.result.number } : null;
  }

  async recall(window: number): Promise<boolean> {
    return this.run('recall', { windowId: this.windows.get(window)! }, this.pad(window)).ok;
  }

  async start(window: number): Promise<boolean> {
    return this.run('startService', { windowId: this.windows.get(window)! }, this.pad(window)).ok;
  }

  async finish(window: number): Promise<boolean> {
    return this.run('finishService', { windowId: this.windows.get(window)! }, this.pad(window)).ok;
  }

  async noShow(window: number): Promise<boolean> {
    return this.run('markNoShow', { windowId: this.windows.get(window)! }, this.pad(window)).ok;
  }

  async transfer(window: number, ticketId: number, service: string): Promise<boolean> {
    return this.run('transferTicket', { ticketId, serviceId: this.services.get(service)! }, this.pad(window)).ok;
  }
}
