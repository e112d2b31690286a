import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { idCheckChar } from '../../protocol/id-number.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';

/** 'YYYY-MM-DD HH:MM' on the wall clock of a hall in Beijing, as epoch milliseconds. */
export function beijing(wall: string): number {
  const [date, time] = wall.split(' ');
  return hallTimeToEpoch(date, time, 'Asia/Shanghai');
}

/**
 * A hall clock that starts at a chosen wall time and runs at real speed, so a test means the same thing whenever
 * it runs (not at 23:59, not across a real midnight); jumpTo moves the hall to another moment, as a night would.
 */
export class HallClock {
  private offset: number;

  constructor(wall = '2026-03-10 10:00') {
    this.offset = beijing(wall) - Date.now();
  }

  readonly now = (): number => Date.now() + this.offset;

  jumpTo(wall: string): void {
    this.offset = beijing(wall) - Date.now();
  }
}

/** A resident ID number with a valid GB 11643 check digit: region 110105, the given birth date and sequence. */
export function idNumber(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + idCheckChar(first17);
}

/**
 * The test hall these server tests use: on a steady clock (10:00 on a Tuesday unless given), with the hall's
 * simulated hardware kept in process, since no test here is about serial ports.
 */
export function startHall(options: { clock?: HallClock; overrides?: Record<string, unknown>; dir?: string } = {}): Promise<TestHall> {
  return startTestHall({
    dir: options.dir,
    clock: (options.clock ?? new HallClock()).now,
    overrides: { devices: { simulation: 'in-process' }, ...options.overrides },
  });
}
