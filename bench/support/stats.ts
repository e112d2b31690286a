/** Percentiles and summaries of latency samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Summary { n: number; p50: number; p90: number; p99: number; max: number; mean: number }

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  const mean = n === 0 ? Number.NaN : samples.reduce((s, x) => s + x, 0) / n;
  return {
    n, mean,
    p50: percentile(samples, 50), p90: percentile(samples, 90), p99: percentile(samples, 99),
    max: n === 0 ? Number.NaN : samples.reduce((m, x) => Math.max(m, x), -Infinity),
  };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds for tables and JSON: enough digits to compare runs, not so many that noise looks like signal. */
export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundSummary(s: Summary, digits = 2): Summary {
  return { n: s.n, mean: round(s.mean, digits), p50: round(s.p50, digits), p90: round(s.p90, digits), p99: round(s.p99, digits), max: round(s.max, digits) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
