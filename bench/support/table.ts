export interface Row { bench: string; metric: string; measured: string; target: string; floor: string; ok: boolean | null }

/** A plain-text table that reads the same in a terminal and pasted into Markdown. */
export function formatTable(rows: Row[]): string {
  const head = ['', 'bench', 'metric', 'measured', 'target', 'floor / ratio'];
  const cells = rows.map((r) => [r.ok === null ? ' ' : r.ok ? '✓' : '✗', r.bench, r.metric, r.measured, r.target, r.floor]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export const ms = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(digits)} ms`);
export const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
