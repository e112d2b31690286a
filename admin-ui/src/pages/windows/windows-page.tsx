import { nameLimits, type Area, type Service, type Window } from '../../../../protocol/config-entities.js';
import { Bi, BiText } from '../../lib/bi.js';
import { CrudPage, type CrudSpec, type FormProps } from '../../lib/crud-page.js';
import { CheckField, NumberField, SelectField, TextPair } from '../../lib/fields.js';
import { useList } from '../../lib/use-list.js';
import { activeCell } from '../cells.js';
import { TierEditor } from './tier-editor.js';

type WindowInput = Omit<Window, 'id'>;

function WindowForm({ value, onChange, areas, services }: FormProps<WindowInput, Window> & { areas: Area[]; services: Service[] }) {
  const set = <K extends keyof WindowInput>(k: K, v: WindowInput[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <div class="form-row">
        <NumberField zh="窗口号" en="Number" testid="window-number" value={value.number} min={1} max={9999}
          onChange={(v) => onChange({ ...value, number: v ?? 1, name: autoName(value, v ?? 1) })} />
        <SelectField zh="区域" en="Area" testid="window-area" value={value.areaId || null} onChange={(v) => set('areaId', v)}
          options={areas.map((a) => ({ value: a.id, zh: a.name.zh, en: a.name.en }))} />
        <NumberField zh="LED 屏地址" en="LED address" testid="window-led" value={value.ledAddress} nullable min={0} max={65535}
          onChange={(v) => set('ledAddress', v)} hint={{ zh: '留空为无', en: 'empty: none' }} />
      </div>
      <TextPair zh="名称" en="Name" testid="window-name" value={value.name} onChange={(v) => set('name', v)} max={nameLimits.window} />
      <div class="form-row">
        <CheckField zh="综合窗口（办理所有业务）" en="Comprehensive (all services)" testid="window-comprehensive" value={value.comprehensive}
          onChange={(v) => set('comprehensive', v)} />
        <CheckField zh="绿色通道（优先号严格优先）" en="Green channel (priority first)" testid="window-green" value={value.priorityRule === 'strict'}
          onChange={(v) => set('priorityRule', v ? 'strict' : 'hall')} />
        <CheckField zh="启用" en="Active" testid="window-active" value={value.active} onChange={(v) => set('active', v)} />
      </div>
      <fieldset class="group">
        <legend><Bi zh="办理业务（主办 / 协办）" en="Services by tier (main / backup)" inline /></legend>
        {value.comprehensive && <p class="muted"><Bi zh="综合窗口办理所有启用的业务" en="A comprehensive window serves every active service" inline /></p>}
        <TierEditor value={value.services} onChange={(v) => set('services', v)} services={services} areas={areas} disabled={value.comprehensive} />
      </fieldset>
    </>
  );
}

/** Keeps the usual "N号窗口 / Window N" name in step with the number until someone names the window otherwise. */
function autoName(w: WindowInput, number: number): WindowInput['name'] {
  const usual = w.name.zh === '' || w.name.zh === `${w.number}号窗口`;
  return usual ? { zh: `${number}号窗口`, en: `Window ${number}` } : w.name;
}

export function WindowsPage() {
  const areas = useList<Area>('/api/areas');
  const services = useList<Service>('/api/services');
  const serviceLabel = (w: Window) => w.comprehensive ? '综合 All' : w.services
    .map((t) => { const s = services.items.find((x) => x.id === t.serviceId); return s ? (t.tier === 1 ? s.prefix : `(${s.prefix})`) : '?'; })
    .join(' ');
  const spec: CrudSpec<Window, WindowInput> = {
    path: 'windows', zh: '窗口', en: 'Windows', one: { zh: '窗口', en: 'window' },
    columns: [
      { zh: '号', en: 'No.', cell: (w) => <strong>{w.number}</strong> },
      { zh: '名称', en: 'Name', cell: (w) => <BiText text={w.name} /> },
      { zh: '区域', en: 'Area', cell: (w) => <span class="area-name">{areas.items.find((a) => a.id === w.areaId)?.name.zh ?? `#${w.areaId}`}</span> },
      { zh: '业务（括号为协办）', en: 'Services ((backup))', cell: serviceLabel },
      { zh: '绿色通道', en: 'Green', cell: (w) => (w.priorityRule === 'strict' ? '是 Yes' : '') },
      { zh: 'LED', en: 'LED', cell: (w) => w.ledAddress ?? '—' },
      { zh: '状态', en: 'State', cell: (w) => activeCell(w.active) },
    ],
    blank: (list) => {
      const number = Math.max(0, ...list.map((w) => w.number)) + 1;
      return {
        number, name: { zh: `${number}号窗口`, en: `Window ${number}` }, areaId: areas.items[0]?.id ?? 0, comprehensive: false,
        services: [], priorityRule: 'hall', ledAddress: number, active: true,
      };
    },
    toInput: ({ id: _id, ...rest }) => rest,
    form: (p) => <WindowForm {...p} areas={areas.items} services={services.items} />,
    sort: (a, b) => a.number - b.number,
  };
  return <CrudPage spec={spec} />;
}
