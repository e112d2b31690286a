/** Figures as the hall reads them: minutes with one decimal, rates as percentages, a dash where there is nothing. */
export const dash = '—';

export function minutes(sec: number | null | undefined): string {
  return sec == null ? dash : (sec / 60).toFixed(1);
}

export function percent(rate: number | null | undefined): string {
  return rate == null ? dash : `${(rate * 100).toFixed(1)}%`;
}

export function plain(n: number | null | undefined, digits = 0): string {
  return n == null ? dash : n.toFixed(digits);
}

/** The calendar day of an instant on the hall's clock (YYYY-MM-DD), whatever the browser's own zone. */
export function dayOn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}
