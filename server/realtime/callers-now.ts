import type { HallState } from '../core/types.js';
import { openCallers, type OpenCallers } from '../core/dispatch.js';

/**
 * Who can call waiting tickets now, for the phone feed: looked at again after each event (a call carries its
 * window too) but worked out anew only when the set of open windows changed or the hall's config did, and compared
 * pass to pass, since a window opening for a service changes what its waiting phones show even when nobody's place
 * in the queue moved.
 */
export class CallersNow {
  /** Good until the next event. */
  private current: OpenCallers | null = null;
  /** The callers worked out for the open windows named by `key`: good until the config changes. */
  private built: { key: string; open: OpenCallers } | null = null;
  private lastSeen: OpenCallers | null = null;

  constructor(private readonly state: HallState) {}

  /** Something happened in the hall: windows may have opened or closed. */
  stale(): void {
    this.current = null;
  }

  /** The hall's services or windows were changed: what a window serves may have changed too. */
  reset(): void {
    this.current = null;
    this.built = null;
  }

  get(): OpenCallers {
    if (this.current) return this.current;
    let key = '';
    for (const r of this.state.runtime.values()) if (r.status === 'open') key += `${r.windowId},`;
    if (this.built?.key !== key) this.built = { key, open: openCallers(this.state) };
    return (this.current = this.built.open);
  }

  /** Whether who can call may differ from the last time this was asked. */
  changedSinceLastLook(): boolean {
    const open = this.get();
    if (open === this.lastSeen) return false;
    this.lastSeen = open;
    return true;
  }
}
