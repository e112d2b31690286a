import type { Logger } from 'pino';
import type { LedSignBus, LedSignResult } from '../../drivers/led-sign/index.js';
import type { DomainEvent } from '../core/events.js';
import type { HallState, WindowRuntime } from '../core/types.js';
import { callContent, windowContent, type SignContent } from './sign-text.js';

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
 * Keeps each window's sign showing what happens at the window. Writes never hold up a command: they run after
 * it, per sign at most one on the line and one waiting (a newer text replaces the waiting one), and a failing
 * sign is logged once per outage.
 */
export class WindowSigns {
  private readonly waiting = new Map<number, SignContent>();
  private readonly writing = new Set<number>();
  private readonly failing = new Map<number, string>();

  constructor(private readonly lines: SignLine[], private readonly state: HallState, private readonly log: Logger) {}

  /** After a start or restart, every sign is brought in line with its window. */
  syncAll(): void {
    for (const runtime of this.state.runtime.values()) this.showWindow(runtime);
  }

  onEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'ticket.called':
      case 'ticket.recalled': {
        const window = this.state.windows.get(event.runtime.windowId);
        if (window) this.set(window.ledAddress, callContent(event.ticket.number, window.number));
        return;
      }
      case 'window.statusChanged':
        return this.showWindow(event.runtime);
      case 'config.saved': {
        const runtime = event.entity === 'window' ? this.state.runtime.get(event.item.id) : undefined;
        if (runtime) this.showWindow(runtime);
        return;
      }
      case 'day.closed':
        for (const runtime of event.runtimes) this.showWindow(runtime);
        return;
      default:
    }
  }

  /** Signs whose last write failed, with the code: the hall monitor shows them. */
  failingSigns(): { address: number; code: string }[] {
    return [...this.failing].map(([address, code]) => ({ address, code }));
  }

  async stop(): Promise<void> {
    await Promise.all(this.lines.map((l) => l.close()));
  }

  private showWindow(runtime: WindowRuntime): void {
    const window = this.state.windows.get(runtime.windowId);
    if (window) this.set(window.ledAddress, window.active ? windowContent(this.state, runtime) : null);
  }

  private set(address: number | null, content: SignContent): void {
    if (address === null || !this.lineFor(address)) return;
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
    if (this.failing.get(address) === result.error.code) return;
    this.failing.set(address, result.error.code);
    this.log.warn({ address, line: line.name, code: result.error.code }, 'window sign write failed');
  }

  private lineFor(address: number): SignLine | undefined {
    return this.lines.find((l) => l.addresses?.has(address)) ?? this.lines.find((l) => l.addresses === null);
  }
}
