import type { DomainEvent } from '../core/events.js';
import type { WindowChange } from '../core/forecast/pause-lengths.js';
import type { HallState } from '../core/types.js';

/**
 * What the main thread tells the forecast thread, each with the hall's time (the hall's clock, which a simulated
 * day runs faster): the state to start from, with today's window changes up to it (the pauses learned from);
 * the events committed since; that a forecast is wanted at once (a ticket just issued waits for it); or only that
 * time has moved on.
 */
export type ToForecastThread =
  | { type: 'start'; state: HallState; seq: number; now: number; windowChanges: WindowChange[] }
  | { type: 'events'; events: DomainEvent[]; seq: number; now: number }
  | { type: 'want'; now: number }
  | { type: 'tick'; now: number };
