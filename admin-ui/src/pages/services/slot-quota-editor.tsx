import type { Service } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';
import { TimeInput } from '../../lib/time-input.js';

type Slots = Service['slotQuotas'];

/** Time-slot ticket limits (分时段号源): at most `limit` tickets issued between start and end. */
export function SlotQuotaEditor({ value, onChange }: { value: Slots; onChange: (v: Slots) => void }) {
  const set = (i: number, patch: Partial<Slots[number]>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <div class="slots" data-testid="service-slots">
      {value.length === 0 && <p class="muted"><Bi zh="不分时段限号" en="No time-slot limits" inline /></p>}
      <ol class="sessions">
        {value.map((s, i) => (
          <li key={i} class="session">
            <TimeInput label="开始 Start" value={s.start} onChange={(v) => set(i, { start: v })} />
            <span>—</span>
            <TimeInput label="结束 End" value={s.end} onChange={(v) => set(i, { end: v })} />
            <input type="number" min={0} max={100000} required value={s.limit} class="narrow" aria-label="限号 Limit"
              onInput={(e) => set(i, { limit: Number(e.currentTarget.value) })} />
            <span class="muted">张 tickets</span>
            <button type="button" class="btn btn-small" onClick={() => onChange(value.filter((_, j) => j !== i))}><Bi zh="删除" en="Remove" inline /></button>
          </li>
        ))}
      </ol>
      <button type="button" class="btn btn-small" onClick={() => onChange([...value, { start: '09:00', end: '10:00', limit: 20 }])}>
        <Bi zh="增加时段限号" en="Add a slot limit" inline />
      </button>
    </div>
  );
}
