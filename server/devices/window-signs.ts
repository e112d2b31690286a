import type { Logger } from 'pino';
import type { LedSignBus, LedSignResult } from '../../drivers/led-sign/index.js';
import type { DomainEvent } from '../core/events.js';
import type { HallState } from '../core/types.js';
import { windowContent, type SignContent } from './sign-text.js';

/** One RS-485 line of signs, opened by the device layer. */
export interface SignLine {
  name: string;
  bus: Pick<LedSignBus, 'show' | 'clear'>;
  /** Addresses on this line; null: any address no other line claims. */
  addresses: Set<number> | null;
  /** Alpha signs are ASCII only. */
  language: 'zh' | 'en';
  close(): Promise<void>;
}

/**
 * The windows whose sign an event may change, found by the event's shape rather than its type: whatever carries a
 * window's runtime (`runtime`, `runtimes`), a ticket that was at a window (`ticket`, `next`, `tickets`, with their
 * `windowId`), or a window's settings. So an event added later that ends a visit or closes windows reaches the signs
 * with no change here.
 */
export function windowsTouchedBy(event: DomainEvent): Set<number> {
  const ids = new Set<number>();
  if ('runtime' in event && event.runtime) ids.add(event.runtime.windowId);
  if ('runtimes' in event) for (const runtime of event.runtimes) ids.add(runtime.windowId);
  const tickets = [
    'ticket' in event ? event.ticket : null,
    'next' in event ? event.next : null,
    ...('tickets' in event ? event.tickets : []),
  ];
  for (const ticket of tickets) if (ticket?.windowId != null) ids.add(ticket.windowId);
  if (event.type === 'config.saved' && event.entity === 'window') ids.add(event.item.id);
  return ids;
}

/**
 * Keeps each window's sign showing what happens at the window: after any event, what windowContent() says for
 * the window as the hall's state is now, which is also what a restart shows. Writes never hold up a command: they
 * run after it, per sign at most one on the line and one waiting (a newer text replaces the waiting one), a sign
 * already showing the text is not written again (but a recall is: that is its point), and a failing sign is logged
 * once per outage.
 */
export class WindowSigns {
  private readonly waiting = new Map<number, SignContent>();
  private readonly writing = new Set<number>();
  private readonly failing = new Map<number, string>();
  /** What each sign was last told to show, by address; forgotten when a write fails, so the next event retries. */
  private readonly shown = new Map<number, string>();

  constructor(private readonly lines: SignLine[], private readonly state: HallState, private readonly log: Logger) {}

  /** After a start or restart, every sign is brought in line with its window. */
  syncAll(): void {
    for (const windowId of this.state.runtime.keys()) this.showWindow(windowId, true);
  }

  onEvent(event: DomainEvent): void {
    // Events reach here after the state moved on (maybe past later commands too): the state, not the event, says
    // what each window shows now.
    const again = event.type === 'ticket.recalled';
    for (const windowId of windowsTouchedBy(event)) this.showWindow(windowId, again);
  }

  /** Signs whose last write failed, with the code: the hall monitor shows them. */
  failingSigns(): { address: number; code: string }[] {
    return [...this.failing].map(([address, code]) => ({ address, code }));
  }

  async stop(): Promise<void> {
    await Promise.all(this.lines.map((l) => l.close()));
  }

  private showWindow(windowId: number, again: boolean): void {
    const window = this.state.windows.get(windowId);
    const runtime = this.state.runtime.get(windowId);
    if (window && runtime) this.set(window.ledAddress, window.active ? windowContent(this.state, runtime) : null, again);
  }

  private set(address: number | null, content: SignContent, again: boolean): void {
    if (address === null || !this.lineFor(address)) return;
    const key = JSON.stringify(content);
    if (!again && this.shown.get(address) === key) return;
    this.shown.set(address, key);
    this.waiting.set(address, content);
    if (!this.writing.has(address)) void this.write(address);
  }

  private async write(address: number): Promise<void> {
    const line = this.lineFor(address)!;
    this.writing.add(address);
    try {
      while (this.waiting.has(address)) {
        const content = this.waiting.get(address)!;
        this.waiting.delete(address);
        const result = content ? await line.bus.show(address, content[line.language]) : await line.bus.clear(address);
        this.note(line, result);
      }
    } catch (err) {
      this.shown.delete(address);
      this.log.error({ err, address }, 'sign write failed unexpectedly');
    } finally {
      this.writing.delete(address);
    }
  }

  private note(line: SignLine, result: LedSignResult): void {
    const { address } = result;
    if (result.ok) {
      if (this.failing.delete(address)) this.log.info({ address, line: line.name }, 'window sign answers again');
      return;
    }
    this.shown.delete(address);
    if (this.failing.get(address) === result.error.code) return;
    this.failing.set(address, result.error.code);
    this.log.warn({ address, line: line.name, code: result.error.code }, 'window sign write failed');
  }

  private lineFor(address: number): SignLine | undefined {
    return this.lines.find((l) => l.addresses?.has(address)) ?? this.lines.find((l) => l.addresses === null);
  }
}
