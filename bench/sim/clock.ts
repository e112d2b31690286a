/** The simulation's time: virtual epoch milliseconds on the hall's clock. */
export interface SimClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface Timer { at: number; order: number; resolve: () => void }

/** Keeps pending timers ordered by due time (then by creation, so equal times run in a fixed order). */
class TimerQueue {
  private heap: Timer[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, resolve: () => void): void {
    this.heap.push({ at, order: this.order++, resolve });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Virtual time for the in-process run: nothing waits for real, the clock jumps to the next timer once everything
 * the previous one set off has settled, so a hall day takes seconds and comes out the same every time.
 */
export class VirtualClock implements SimClock {
  private readonly timers = new TimerQueue();

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push(this.current + Math.max(0, ms), resolve));
  }

  /** Runs until no timer is left. */
  async run(): Promise<void> {
    await settle();
    for (let timer = this.timers.pop(); timer; timer = this.timers.pop()) {
      this.current = Math.max(this.current, timer.at);
      timer.resolve();
      await settle();
    }
  }
}

/**
 * Hall time running `speed` times faster than the wall clock, for driving a real server whose own clock is the
 * same function (bench/support/hall-entry.ts). The anchor is in wall-clock terms so both processes agree.
 */
export interface ClockAnchor { realAt: number; virtualAt: number; speed: number }

export function virtualAt(anchor: ClockAnchor, realNow: number): number {
  return anchor.virtualAt + (realNow - anchor.realAt) * anchor.speed;
}

export class ScaledClock implements SimClock {
  private readonly timers = new TimerQueue();
  private armed: NodeJS.Timeout | null = null;

  constructor(public anchor: ClockAnchor) {}

  now(): number {
    return virtualAt(this.anchor, Date.now());
  }

  /** Changes speed from now on; pending sleeps keep their virtual due time. */
  setSpeed(speed: number): ClockAnchor {
    const realAt = Date.now();
    this.anchor = { realAt, virtualAt: virtualAt(this.anchor, realAt), speed };
    this.arm();
    return this.anchor;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push(this.now() + Math.max(0, ms), resolve);
      this.arm();
    });
  }

  private arm(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    const next = this.timers.peek();
    if (!next) return;
    const delay = Math.max(0, (next.at - this.now()) / this.anchor.speed);
    this.armed = setTimeout(() => this.fire(), Math.min(delay, 2 ** 31 - 1));
  }

  private fire(): void {
    const now = this.now();
    for (let next = this.timers.peek(); next && next.at <= now; next = this.timers.peek()) this.timers.pop()!.resolve();
    this.arm();
  }
}
