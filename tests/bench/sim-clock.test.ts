import { describe, expect, it } from 'vitest';
import { ScaledClock, VirtualClock } from '../../bench/sim/clock.js';

describe('simulation clocks', () => {
  it('runs virtual timers in order of due time, equal times in the order they were set, without waiting', async () => {
    const clock = new VirtualClock(1_000);
    const seen: string[] = [];
    const at = (name: string, ms: number) => clock.sleep(ms).then(() => seen.push(`${name}@${clock.now()}`));
    void at('late', 60_000);
    void at('first', 10);
    void at('tie-a', 500);
    void at('tie-b', 500);
    void clock.sleep(100).then(() => at('chained', 50));
    const started = performance.now();
    await clock.run();
    expect(seen).toEqual(['first@1010', 'chained@1150', 'tie-a@1500', 'tie-b@1500', 'late@61000']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('runs hall time faster than the wall clock and keeps due times across a change of speed', async () => {
    const clock = new ScaledClock({ realAt: Date.now(), virtualAt: 0, speed: 100 });
    const started = performance.now();
    await clock.sleep(2_000);
    const fast = performance.now() - started;
    expect(fast).toBeGreaterThanOrEqual(15);
    expect(fast).toBeLessThan(500);
    const due = clock.now() + 3_000;
    const done = clock.sleep(3_000).then(() => clock.now());
    clock.setSpeed(1_000);
    expect(await done).toBeGreaterThanOrEqual(due);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
