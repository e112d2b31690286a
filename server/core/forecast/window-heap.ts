import type { DispatchContext } from '../dispatch.js';

/** A window in the forward run: its dispatch context, and when it next calls somebody. */
export interface ForecastWindow { ctx: DispatchContext; availableAt: number; number: number }

/** Windows by when they next call (then by number, so ties go the same way every time), as a binary heap. */
export class WindowHeap<W extends ForecastWindow> {
  constructor(readonly items: W[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  first(): W {
    return this.items[0];
  }

  removeFirst(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
  }

  /** The first window's availableAt moved later. */
  firstChanged(): void {
    this.down(0);
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < items.length && callsFirst(items[l], items[m])) m = l;
      if (l + 1 < items.length && callsFirst(items[l + 1], items[m])) m = l + 1;
      if (m === i) return;
      [items[i], items[m]] = [items[m], items[i]];
      i = m;
    }
  }
}

export function callsFirst(a: ForecastWindow, b: ForecastWindow): boolean {
  return a.availableAt < b.availableAt || (a.availableAt === b.availableAt && a.number < b.number);
}
