import { setPriority } from 'node:os';

/** Nice 10: a tenth of the share of a thread at the hall's own priority, when both want a core. */
const backgroundNice = 10;

/**
 * Lowers the calling thread's priority. Forecasts and statistics are background work: on the hall's two cores, a
 * forecast of a long queue (milliseconds of work) held the core the main thread was woken on, and a kiosk's reply
 * waited for it (a kernel trace of 10 s at 200 tickets a second: 0.23 s of such waiting; at nice 10, 0.01 s).
 *
 * Not lower: at nice 19, or with SCHED_IDLE, the thread got so little of a core busy with anything else (another
 * program, the test suite's Chromium) that a forecast came seconds late and a ticket was printed without its wait.
 * At nice 10 it still gets about a tenth of a busy core, enough for a forecast every few dozen milliseconds.
 *
 * Linux keeps the nice value per thread, so this lowers only the caller. Elsewhere (Windows, macOS) it would lower
 * the whole hall, so there it does nothing.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(backgroundNice);
  } catch {
    // Not allowed here (a container's seccomp policy): the thread keeps the hall's priority.
  }
}
