import type { Logger } from 'pino';
import { commands, type CommandArgs, type CommandName, type CommandResult, type Decision } from './core/commands/index.js';
import type { DomainEvent } from './core/events.js';
import { evolve } from './core/evolve.js';
import type { Actor, HallState, Ticket } from './core/types.js';
import type { Db } from './store/database.js';
import { createProjector } from './store/projections.js';
import { StorageError } from './store/storage-error.js';
import { storedLegReader } from './store/visit-queries.js';
import { WalSync } from './store/wal-sync.js';

export interface CommittedEvent { seq: number; at: number; actor: Actor; event: DomainEvent }

/** Something a command writes besides its events (a password hash, a token), in the same transaction. */
export type AlsoWrite<R> = (db: Db, result: R) => void;

/**
 * The one way the hall changes: decide with the pure domain, store events and projections in one transaction,
 * apply them to memory, then publish once the commit is on disk. Memory moves on at commit, so the next command
 * (the next ticket number) is decided at once while the disk catches up (group commit, see WalSync); publishing
 * and replying wait for the disk, so no screen or client ever hears of what a power cut could undo. Every transport
 * (HTTP, WebSocket, hardware keypad, scheduler) comes through here.
 */
export class CommandRunner {
  private readonly append;
  private readonly project;
  private readonly readStoredLeg;
  private readonly listeners: ((batch: CommittedEvent[]) => void)[] = [];
  private readonly appliedListeners: ((batch: CommittedEvent[]) => void)[] = [];

  constructor(
    private readonly db: Db, readonly state: HallState, readonly clock: () => number, private readonly log: Logger,
    readonly wal: WalSync = new WalSync(null, () => 0),
  ) {
    this.append = db.prepare('INSERT INTO events (at, type, actor, payload) VALUES (?, ?, ?, ?)');
    this.project = createProjector(db);
    this.readStoredLeg = storedLegReader(db);
  }

  /** After the events reached the disk, in order: for whatever tells the outside world (screens, devices). */
  onCommitted(listener: (batch: CommittedEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * As soon as memory changed, before the disk confirms: for what is derived from memory and read on the same
   * request (the forecast a kiosk prints on the ticket it just issued).
   */
  onApplied(listener: (batch: CommittedEvent[]) => void): void {
    this.appliedListeners.push(listener);
  }

  run<N extends CommandName>(name: N, args: CommandArgs<N>, actor: Actor, alsoWrite?: AlsoWrite<CommandResult<N>>): Decision<CommandResult<N>> {
    if (this.wal.failed) throw this.wal.failed;
    const now = this.clock();
    const handler = commands[name] as (s: HallState, a: unknown, c: { now: number; actor: Actor }) => Decision<CommandResult<N>>;
    const decision = handler(this.state, args, { now, actor });
    if (!decision.ok || (decision.events.length === 0 && !alsoWrite)) return decision;
    const actorJson = JSON.stringify(actor);
    let batch: CommittedEvent[];
    try {
      batch = this.db.transaction(() => {
        const stored = decision.events.map((event) => {
          const seq = Number(this.append.run(now, event.type, actorJson, JSON.stringify(event)).lastInsertRowid);
          this.project(event, now);
          return { seq, at: now, actor, event };
        });
        alsoWrite?.(this.db, decision.result);
        return stored;
      })();
    } catch (err) {
      this.log.error({ err, command: name }, 'command could not be stored');
      throw new StorageError((err as Error).message);
    }
    this.wal.markWritten();
    for (const committed of batch) evolve(this.state, committed.event);
    for (const listener of this.appliedListeners) listener(batch);
    if (this.wal.clean) this.publish(batch);
    // On a disk failure nothing is published: the commands' callers are told through durable().
    else this.wal.durable().then(() => this.publish(batch), () => undefined);
    return decision;
  }

  /** Resolves when everything committed so far is on disk (at once when nothing waits); rejects on a disk failure. */
  durable(): Promise<void> {
    return this.wal.durable();
  }

  private publish(batch: CommittedEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (err) {
        // A failing screen must not undo or fail a command that is already stored.
        this.log.error({ err }, 'event listener failed');
      }
    }
  }

  /** The audit log, oldest first. */
  events(afterSeq: number, limit: number): { seq: number; at: number; type: string; actor: unknown; payload: unknown }[] {
    const rows = this.db.prepare('SELECT seq, at, type, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as { seq: number; at: number; type: string; actor: string; payload: string }[];
    return rows.map((r) => ({ ...r, actor: JSON.parse(r.actor), payload: JSON.parse(r.payload) }));
  }

  /** A visit's newest leg as stored, for a phone whose ticket the hall's close has let go from memory. */
  storedLeg(visitId: number): Ticket | null {
    return this.readStoredLeg(visitId);
  }

  lastSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get() as number);
  }
}
