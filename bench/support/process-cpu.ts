import { readFileSync } from 'node:fs';

/**
 * CPU time a process has used so far (user + system, ms), from /proc. On a shared machine wall-clock latency
 * moves with the neighbours' load; the server's own CPU per ticket or per second does much less so.
 */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted after the command name: indexes 11 and 12 here.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The machine's load average over the last minute, to print beside figures taken on a shared machine. */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/**
 * How long a thread (by default a process's main thread) has waited so far for a core while ready to run (ms),
 * from /proc/<pid>/task/<tid>/schedstat (its second field, nanoseconds). On two shared cores, a reply can be late
 * with nothing on the event loop in its way: the thread was ready and the cores were busy elsewhere.
 */
export function runQueueWaitMs(pid: number, tid = pid): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}
