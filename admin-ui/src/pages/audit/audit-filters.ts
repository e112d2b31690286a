/**
 * The audit page's filters live in the address after the page's name (#/audit?tab=access&from=...), so a
 * filtered view can be bookmarked, sent to a colleague, and comes back with the browser's back button.
 */
export type AuditTab = 'operations' | 'access';

export interface AuditFilters {
  tab: AuditTab;
  from: string;
  to: string;
  /** '' means any. */
  kind: string;
  staffId: string;
  windowId: string;
  ticketNumber: string;
}

const keys = ['from', 'to', 'kind', 'staffId', 'windowId', 'ticketNumber'] as const;

/** The filters in a hash; the hall's day for dates it does not give. */
export function filtersFromHash(hash: string, today: string): AuditFilters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const text = (key: string) => params.get(key)?.trim() ?? '';
  return {
    tab: params.get('tab') === 'access' ? 'access' : 'operations',
    from: text('from') || today, to: text('to') || text('from') || today,
    kind: text('kind'), staffId: text('staffId'), windowId: text('windowId'), ticketNumber: text('ticketNumber').toUpperCase(),
  };
}

export function hashOf(f: AuditFilters): string {
  const params = new URLSearchParams({ tab: f.tab });
  for (const key of keys) if (f[key]) params.set(key, f[key]);
  return `#/audit?${params}`;
}

/** Everything but the tab and the dates back to none, on the hall's day. */
export function cleared(f: AuditFilters, today: string): AuditFilters {
  return { tab: f.tab, from: today, to: today, kind: '', staffId: '', windowId: '', ticketNumber: '' };
}

/**
 * The API's query for the tab shown. A kind belongs to one tab (tickets / failures), so it is not carried across;
 * the ticket number only narrows the operations log.
 */
export function apiQuery(f: AuditFilters): string {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.kind) params.set('kind', f.kind);
  if (f.staffId) params.set('staffId', f.staffId);
  if (f.windowId) params.set('windowId', f.windowId);
  if (f.tab === 'operations' && f.ticketNumber) params.set('ticketNumber', f.ticketNumber);
  return params.toString();
}

/** The API address of a tab's list or its CSV. */
export function apiPath(f: AuditFilters, what: 'list' | 'export'): string {
  const base = f.tab === 'operations' ? '/api/audit/events' : '/api/audit/access';
  return `${base}${what === 'export' ? '/export' : ''}?${apiQuery(f)}`;
}
