import type { Area, Service } from '../../../../protocol/config-entities.js';
import { Bi, BiText } from '../../lib/bi.js';
import { CrudPage, type CrudSpec } from '../../lib/crud-page.js';
import { useList } from '../../lib/use-list.js';
import { activeCell, yesNo } from '../cells.js';
import { ServiceForm, type ServiceInput } from './service-form.js';

function hoursCell(s: Service) {
  if (!s.hours) return <span class="nowrap"><Bi zh="按大厅" en="Hall hours" /></span>;
  return s.hours.sessions.map((x) => `${x.start}-${x.end}`).join(', ');
}

export function ServicesPage() {
  const areas = useList<Area>('/api/areas');
  const areaName = (id: number) => areas.items.find((a) => a.id === id)?.name.zh ?? `#${id}`;
  const spec: CrudSpec<Service, ServiceInput> = {
    path: 'services', zh: '业务', en: 'Services', one: { zh: '业务', en: 'service' },
    columns: [
      { zh: '前缀', en: 'Prefix', cell: (s) => <strong class="prefix">{s.prefix}</strong> },
      { zh: '名称', en: 'Name', cell: (s) => <BiText text={s.name} /> },
      { zh: '区域', en: 'Area', cell: (s) => <span class="area-name">{areaName(s.areaId)}</span> },
      { zh: '时间', en: 'Hours', cell: hoursCell },
      { zh: '日限', en: 'Daily', cell: (s) => s.dailyQuota ?? '—' },
      { zh: '实名', en: 'ID', cell: (s) => yesNo(s.idRequired) },
      { zh: '网上', en: 'Online', cell: (s) => yesNo(s.onlineAllowed) },
      { zh: '状态', en: 'State', cell: (s) => activeCell(s.active) },
    ],
    blank: () => ({
      code: '', areaId: areas.items[0]?.id ?? 0, name: { zh: '', en: '' }, prefix: '', hours: null, dailyQuota: null, slotQuotas: [],
      defaultHandlingMinutes: 5, idRequired: true, onlineAllowed: true, appointmentSlotMinutes: 30, appointmentsPerSlot: 4, active: true,
    }),
    toInput: ({ id: _id, ...rest }) => rest,
    form: (p) => <ServiceForm {...p} areas={areas.items} />,
    sort: (a, b) => a.prefix.localeCompare(b.prefix),
  };
  return <CrudPage spec={spec} />;
}
