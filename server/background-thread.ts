import { execFile } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Puts the calling thread behind everything else the machine runs. Forecasts and statistics are background work:
 * on the hall's two cores, a forecast of a long queue (milliseconds of work) held the core the main thread was
 * woken on, and a kiosk's reply waited for it, though nice 19 alone was set (the scheduler let the forecast run on
 * to the end of its slice). SCHED_IDLE gives the core up the moment any ordinary thread wants it; the thread still
 * has every moment the hall leaves idle.
 *
 * Linux keeps both per thread, so this lowers only the caller. Elsewhere (Windows, macOS) it would lower the whole
 * hall, so there it does nothing. Node has no call for the scheduling policy: `chrt` (util-linux, on every Linux
 * the hall runs on) sets it; without it the thread stays at nice 19.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(19);
    // "<pid>/task/<tid>": the calling thread's id, which chrt takes as a pid.
    const tid = readlinkSync('/proc/thread-self').split('/').pop()!;
    execFile('chrt', ['--idle', '--pid', '0', tid], () => undefined);
  } catch {
    // Not allowed here (a container's seccomp policy): the thread keeps the hall's priority.
  }
}
