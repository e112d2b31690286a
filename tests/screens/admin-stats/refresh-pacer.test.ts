import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshPacer } from '../../../admin-ui/src/lib/refresh-pacer.js';

/** The dashboard's pace of asking the statistics again as the hall's events come in (1.5 s after, at most every 5 s). */
describe('refreshing the dashboard as the hall changes', () => {
  let refreshes: number[];
  let finishRefresh: (() => void) | null;
  let pacer: RefreshPacer;
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    refreshes = [];
    finishRefresh = null;
    pacer = new RefreshPacer(() => {
      refreshes.push(Date.now());
      return new Promise<void>((resolve) => { finishRefresh = resolve; });
    }, 1500, 5000);
  });
  afterEach(() => {
    pacer.stop();
    vi.useRealTimers();
  });
  const done = async () => {
    finishRefresh?.();
    finishRefresh = null;
    await vi.advanceTimersByTimeAsync(0);
  };

  it('refreshes once, soon after a burst of changes', async () => {
    pacer.changed();
    await vi.advanceTimersByTimeAsync(400);
    pacer.changed();
    pacer.changed();
    await vi.advanceTimersByTimeAsync(1100);
    expect(refreshes).toEqual([1500]);
    await done();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refreshes).toEqual([1500]);
  });

  it('asks at most every 5 s in a busy hall, and never twice at once', async () => {
    for (let t = 0; t < 12_000; t += 250) {
      pacer.changed();
      await vi.advanceTimersByTimeAsync(250);
      if (finishRefresh && Date.now() % 1000 === 0) await done();
    }
    await done();
    const gaps = refreshes.slice(1).map((at, i) => at - refreshes[i]);
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(5000);
  });

  it('catches a change that came during a refresh with one more refresh after it', async () => {
    pacer.changed();
    await vi.advanceTimersByTimeAsync(1500);
    expect(refreshes).toEqual([1500]);
    pacer.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(refreshes).toEqual([1500]);
    await done();
    await vi.advanceTimersByTimeAsync(5000);
    expect(refreshes).toEqual([1500, 6500]);
  });
});
