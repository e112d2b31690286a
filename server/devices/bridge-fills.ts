import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { FillReport } from '../../protocol/device-messages.js';
import { domainError, notFound, type DomainError } from '../core/errors.js';
import type { DomainEvent } from '../core/events.js';
import type { HallState } from '../core/types.js';
import type { IdentityVault } from '../privacy/identity-vault.js';
import { fillFields } from './card-view.js';
import { deviceError, type DeviceError } from './device-errors.js';
import type { Notifier } from './notifier.js';

export interface FillSent { requestId: string; ticketNumber: string; bridges: number }

/**
 * Sends the visitor's sealed identity to the desktop bridge of the window serving them, when staff ask or, where
 * configured, as soon as serving starts. The identity goes to the bridge's connection only; logs name the request
 * and the ticket number, never a value.
 */
export class BridgeFills {
  constructor(
    private readonly state: HallState,
    private readonly vault: IdentityVault,
    private readonly notifier: Notifier,
    private readonly fillOnStart: ReadonlySet<number>,
    private readonly log: Logger,
  ) {}

  onEvent(event: DomainEvent): void {
    if (event.type !== 'ticket.started' || !this.fillOnStart.has(event.runtime.windowId)) return;
    const sent = this.fill(event.runtime.windowId);
    if (!('requestId' in sent)) this.log.info({ windowId: event.runtime.windowId, code: sent.code }, 'no fill on start');
  }

  fill(windowId: number): FillSent | DeviceError | DomainError {
    const runtime = this.state.runtime.get(windowId);
    if (!runtime) return notFound('window', windowId);
    const ticket = runtime.currentTicketId !== null ? this.state.tickets.get(runtime.currentTicketId) : undefined;
    if (!ticket || (ticket.status !== 'called' && ticket.status !== 'serving')) return domainError('WINDOW_IDLE');
    const identity = this.vault.get(ticket.visitId);
    if (!identity) return deviceError('NO_IDENTITY');
    const requestId = randomUUID();
    const fill = { requestId, windowId, ticketNumber: ticket.number, identity: fillFields(identity, ticket.number) };
    const bridges = this.notifier.toBridges(windowId, { type: 'fill', fill });
    this.log.info({ windowId, requestId, ticketNumber: ticket.number, bridges }, 'identity sent to the desktop bridge');
    if (bridges === 0) return deviceError('BRIDGE_NOT_CONNECTED');
    return { requestId, ticketNumber: ticket.number, bridges };
  }

  /** The bridge's outcome goes to the window's screens, so staff see a failed fill at once. */
  report(windowId: number, result: FillReport): void {
    this.log.info({ windowId, requestId: result.requestId, ok: result.ok, code: result.code, fields: result.fields, elapsedMs: result.elapsedMs }, 'desktop bridge fill result');
    this.notifier.toWindowScreens(windowId, { type: 'fillResult', windowId, result });
  }
}
