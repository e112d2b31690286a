import type { Text } from '../../protocol/i18n.js';
import type { Db } from '../store/database.js';
import { unhandledKey, type Grouping } from './dimensions.js';

/**
 * What a row is called. Names come from the config tables, deleted rows included, so last year's figures still
 * name a window that has since been taken out of use.
 */
const unhandledLabel = { zh: '未分配（无人办理：等候中、已取消等）', en: 'Not handled by anyone (still waiting, cancelled)' };

export function rowLabeller(db: Db, by: Grouping): (key: string) => Text {
  const named = (table: string, name: (item: Record<string, unknown>) => Text) => {
    const names = new Map<string, Text>();
    for (const json of db.prepare(`SELECT json FROM ${table}`).pluck().all() as string[]) {
      const item = JSON.parse(json) as Record<string, unknown>;
      names.set(String(item.id), name(item));
    }
    return (key: string) => names.get(key) ?? (key === unhandledKey ? unhandledLabel : { zh: `#${key}`, en: `#${key}` });
  };
  switch (by) {
    case 'hour':
      return (key) => {
        const text = `${key}:00-${String(Number(key) + 1).padStart(2, '0')}:00`;
        return { zh: text, en: text };
      };
    case 'day':
    case 'month':
      return (key) => ({ zh: key, en: key });
    case 'total':
      return () => ({ zh: '合计', en: 'Total' });
    case 'service':
      return named('services', (s) => s.name as Text);
    case 'area':
      return named('areas', (a) => a.name as Text);
    case 'window':
      return named('windows', (w) => w.name as Text);
    case 'staff':
      return named('staff', (s) => ({ zh: `${s.name as string}（${s.number as string}）`, en: `${s.name as string} (${s.number as string})` }));
  }
}

/** Rows in their natural order: hours, days and months as text, ids as numbers; the unhandled row last, above the total. */
export function compareKeys(by: Grouping): (a: string, b: string) => number {
  const numeric = by === 'service' || by === 'window' || by === 'staff' || by === 'area';
  const rank = (k: string) => (k === unhandledKey ? 1 : 0);
  return numeric ? (a, b) => rank(a) - rank(b) || Number(a) - Number(b) : (a, b) => a.localeCompare(b);
}
