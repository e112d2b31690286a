/**
 * Serial devices answer one request at a time and their replies carry no request id, so a second request
 * written before the first is answered would get the wrong reply. Every request goes through here.
 */
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Runs `task` after every task queued before it has settled; its result or error is passed through. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task).finally(() => {
      this.waiting--;
    });
    // A failed request must not stop the ones behind it.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Tasks queued or running; lets a poller skip a tick instead of piling up requests behind a slow one. */
  get pending(): number {
    return this.waiting;
  }
}
