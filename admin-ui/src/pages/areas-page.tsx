import { apiCall } from '../../../protocol/api-client.js';
import { nameLimits, type Area } from '../../../protocol/config-entities.js';
import type { HallSnapshot } from '../../../protocol/realtime.js';
import { BiText } from '../lib/bi.js';
import type { Question } from '../lib/confirm-dialog.js';
import { CrudPage, type CrudSpec, type FormProps } from '../lib/crud-page.js';
import { CheckField, TextField, TextPair } from '../lib/fields.js';
import { activeCell } from './cells.js';

type AreaInput = Omit<Area, 'id'>;

function AreaForm({ value, onChange }: FormProps<AreaInput, Area>) {
  const set = <K extends keyof AreaInput>(k: K, v: AreaInput[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField zh="编码" en="Code" testid="area-code" value={value.code} onChange={(v) => set('code', v)} required pattern="[A-Za-z0-9_\-]{1,16}"
        hint={{ zh: '字母数字，最多16位', en: 'letters and digits, up to 16' }} />
      <TextPair zh="名称" en="Name" testid="area-name" value={value.name} onChange={(v) => set('name', v)} max={nameLimits.area} />
      <CheckField zh="启用（停用后该区域的业务不再取号）" en="Active (deactivated: its services issue no tickets)" testid="area-active" value={value.active}
        onChange={(v) => set('active', v)} />
    </>
  );
}

/**
 * Deactivating an area in use says what it means for the people there now: how many wait, how many windows are
 * open. Those already waiting keep their place and are still called at the open windows; only new tickets stop.
 */
async function askBeforeDeactivating(input: AreaInput, before: Area | null): Promise<Question | null> {
  if (!before?.active || input.active) return null;
  const hall = await apiCall<HallSnapshot>('GET', '/api/hall');
  // Without the figures, ask anyway rather than not at all.
  const waiting = hall.ok ? hall.data.waiting.filter((t) => t.areaId === before.id).length : null;
  const open = hall.ok ? hall.data.windows.filter((w) => w.areaId === before.id && w.status !== 'closed').length : null;
  if (waiting === 0 && open === 0) return null;
  const name = before.name;
  return {
    title: { zh: `停用区域“${name.zh}”？`, en: `Deactivate the area ${name.en || name.zh}?` },
    lines: [
      waiting === null || open === null
        ? { zh: '暂时无法读取该区域的等候人数和窗口状态。', en: 'The waiting figures and windows of the area cannot be read right now.' }
        : { zh: `该区域现有 ${waiting} 人在等候，${open} 个窗口开放中。`, en: `${waiting} ${waiting === 1 ? 'visitor is' : 'visitors are'} waiting there and ${open} ${open === 1 ? 'window is' : 'windows are'} open.` },
      { zh: '停用后该区域的业务不再取号、预约和签到；已取号的群众保留原位，仍由开放的窗口叫号办理。', en: 'Its services take no new tickets, bookings or check-ins; those already waiting keep their place and are still called at the open windows.' },
    ],
    confirm: { zh: '停用', en: 'Deactivate' },
  };
}

const spec: CrudSpec<Area, AreaInput> = {
  path: 'areas', zh: '区域', en: 'Areas', one: { zh: '区域', en: 'area' },
  columns: [
    { zh: '编码', en: 'Code', cell: (a) => a.code },
    { zh: '名称', en: 'Name', cell: (a) => <BiText text={a.name} /> },
    { zh: '状态', en: 'State', cell: (a) => activeCell(a.active) },
  ],
  blank: () => ({ code: '', name: { zh: '', en: '' }, active: true }),
  toInput: ({ id: _id, ...rest }) => rest,
  form: (p) => <AreaForm {...p} />,
  ask: askBeforeDeactivating,
};

export function AreasPage() {
  return <CrudPage spec={spec} />;
}
