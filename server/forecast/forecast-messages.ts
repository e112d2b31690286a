import type { DomainEvent } from '../core/events.js';
import type { WindowChange } from '../core/forecast/pause-lengths.js';
import type { HallState } from '../core/types.js';

/**
 * A committed event with its seq. Each carries its own: a message holds the batches of several commands, and a
 * thread started from memory already has some of them (memory takes a batch before the disk confirms it) but not
 * necessarily the rest of the same message.
 */
export interface SeqEvent { seq: number; event: DomainEvent }

/**
 * What the main thread tells the forecast thread, each with the hall's time (the hall's clock, which a simulated
 * day runs faster): the state to start from, with today's window changes up to it (the pauses learned from);
 * the events committed since; that a forecast is wanted at once (a ticket just issued waits for it); or only that
 * time has moved on.
 */
export type ToForecastThread =
  | { type: 'start'; state: HallState; seq: number; now: number; windowChanges: WindowChange[] }
  | { type: 'events'; events: SeqEvent[]; now: number }
  | { type: 'want'; now: number }
  | { type: 'tick'; now: number };
