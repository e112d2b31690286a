/**
 * When the hall changes, the dashboard asks the statistics endpoints again: soon after a change (quietMs, so a
 * burst of events, a call and its start, makes one refresh), and never more often than every minGapMs however busy
 * the hall is, nor twice at once. A change during a refresh is caught by one more refresh after it.
 */
export class RefreshPacer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private changedWhileRunning = false;
  private lastStart = -Infinity;

  constructor(
    private readonly refresh: () => Promise<unknown>,
    private readonly quietMs = 1500,
    private readonly minGapMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The hall changed. */
  changed(): void {
    if (this.running) {
      this.changedWhileRunning = true;
      return;
    }
    if (this.timer !== null) return;
    const wait = Math.max(this.quietMs, this.lastStart + this.minGapMs - this.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.lastStart = this.now();
    try {
      await this.refresh();
    } finally {
      this.running = false;
      if (this.changedWhileRunning) {
        this.changedWhileRunning = false;
        this.changed();
      }
    }
  }
}
