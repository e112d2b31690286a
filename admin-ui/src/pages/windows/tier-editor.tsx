import type { Area, Service, Window } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';

type Tiers = Window['services'];
const choices = [
  { tier: 0, zh: '不办理', en: 'No' },
  { tier: 1, zh: '主办', en: 'Main' },
  { tier: 2, zh: '协办', en: 'Backup' },
] as const;

/**
 * Which services a window serves and at which tier (AB岗): main services are called first, backup services when
 * the main queues are empty or a backup visitor has waited past the red threshold.
 */
export function TierEditor({ value, onChange, services, areas, disabled }: {
  value: Tiers; onChange: (v: Tiers) => void; services: Service[]; areas: Area[]; disabled: boolean;
}) {
  const tierOf = (id: number) => value.find((s) => s.serviceId === id)?.tier ?? 0;
  const set = (serviceId: number, tier: 0 | 1 | 2) => {
    const rest = value.filter((s) => s.serviceId !== serviceId);
    onChange(tier === 0 ? rest : [...rest, { serviceId, tier }]);
  };
  return (
    <table class="table tier-table" data-testid="window-tiers">
      <thead><tr><th><Bi zh="业务" en="Service" /></th>{choices.map((c) => <th key={c.tier}><Bi zh={c.zh} en={c.en} /></th>)}</tr></thead>
      <tbody>
        {areas.map((a) => services.filter((s) => s.areaId === a.id).map((s) => (
          <tr key={s.id} class={tierOf(s.id) ? 'row-on' : ''}>
            <td><strong class="prefix">{s.prefix}</strong> {s.name.zh} <span class="muted">{a.name.zh}</span></td>
            {choices.map((c) => (
              <td key={c.tier}>
                <input type="radio" name={`tier-${s.id}`} aria-label={`${s.name.zh} ${c.zh}`} data-testid={`window-tier-${s.code}-${c.tier}`}
                  checked={tierOf(s.id) === c.tier} disabled={disabled} onChange={() => set(s.id, c.tier)} />
              </td>
            ))}
          </tr>
        )))}
      </tbody>
    </table>
  );
}
