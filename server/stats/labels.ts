import type { Text } from '../../protocol/i18n.js';
import type { Db } from '../store/database.js';
import type { Grouping } from './dimensions.js';

/**
 * What a row is called. Names come from the config tables, deleted rows included, so last year's figures still
 * name a window that has since been taken out of use.
 */
export function rowLabeller(db: Db, by: Grouping): (key: string) => Text {
  const named = (table: string, name: (item: Record<string, unknown>) => Text) => {
    const names = new Map<string, Text>();
    for (const json of db.prepare(`SELECT json FROM ${table}`).pluck().all() as string[]) {
      const item = JSON.parse(json) as Record<string, unknown>;
      names.set(String(item.id), name(item));
    }
    return (key: string) => names.get(key) ?? { zh: `#${key}`, en: `#${key}` };
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

/** Rows in their natural order: hours, days and months as text, ids as numbers. */
export function compareKeys(by: Grouping): (a: string, b: string) => number {
  const numeric = by === 'service' || by === 'window' || by === 'staff' || by === 'area';
  return numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b);
}
