import { useEffect, useState } from 'preact/hooks';
import { accessKindNames, auditKindNames } from '../../../../protocol/audit-log.js';
import type { Staff, Window } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';
import type { AuditFilters } from './audit-filters.js';

interface Props {
  filters: AuditFilters;
  staff: Staff[];
  windows: Window[];
  onChange: (next: AuditFilters) => void;
  onClear: () => void;
}

/** Dates, kind, operator, window and (on the operations tab) ticket number; each change narrows the list at once. */
export function FilterBar({ filters, staff, windows, onChange, onClear }: Props) {
  const set = (key: keyof AuditFilters) => (e: Event) => onChange({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });
  // The ticket number is typed a character at a time: it applies on Enter or on leaving the field, not per key.
  const [number, setNumber] = useState(filters.ticketNumber);
  useEffect(() => setNumber(filters.ticketNumber), [filters.ticketNumber]);
  const applyNumber = () => number.trim().toUpperCase() !== filters.ticketNumber && onChange({ ...filters, ticketNumber: number.trim().toUpperCase() });
  const kinds = filters.tab === 'operations' ? auditKindNames : accessKindNames;
  return (
    <div class="audit-filters" data-testid="audit-filters">
      <label class="field">
        <span class="field-label"><Bi zh="开始日期" en="From" inline /></span>
        <input type="date" value={filters.from} max={filters.to} data-testid="audit-from" onChange={set('from')} />
      </label>
      <label class="field">
        <span class="field-label"><Bi zh="结束日期" en="To" inline /></span>
        <input type="date" value={filters.to} min={filters.from} data-testid="audit-to" onChange={set('to')} />
      </label>
      <label class="field">
        <span class="field-label"><Bi zh="类别" en="Kind" inline /></span>
        <select value={filters.kind} data-testid="audit-kind" onChange={set('kind')}>
          <option value="">全部 All</option>
          {Object.entries(kinds).map(([kind, name]) => <option key={kind} value={kind}>{name.zh} {name.en}</option>)}
        </select>
      </label>
      <label class="field">
        <span class="field-label"><Bi zh="操作人" en="Operator" inline /></span>
        <select value={filters.staffId} data-testid="audit-staff" onChange={set('staffId')}>
          <option value="">全部 All</option>
          {staff.map((s) => <option key={s.id} value={String(s.id)}>{s.name} {s.number}</option>)}
        </select>
      </label>
      <label class="field">
        <span class="field-label"><Bi zh="窗口" en="Window" inline /></span>
        <select value={filters.windowId} data-testid="audit-window" onChange={set('windowId')}>
          <option value="">全部 All</option>
          {[...windows].sort((a, b) => a.number - b.number).map((w) => <option key={w.id} value={String(w.id)}>{w.name.zh} {w.name.en}</option>)}
        </select>
      </label>
      {filters.tab === 'operations' && (
        <label class="field audit-number">
          <span class="field-label"><Bi zh="票号" en="Ticket no." inline /></span>
          <input value={number} placeholder="A012" maxLength={8} data-testid="audit-ticket" onInput={(e) => setNumber(e.currentTarget.value)} onBlur={applyNumber} onKeyDown={(e) => e.key === 'Enter' && applyNumber()} />
        </label>
      )}
      <button type="button" class="btn" data-testid="audit-clear" onClick={onClear}><Bi zh="清除筛选" en="Clear all" inline /></button>
    </div>
  );
}
