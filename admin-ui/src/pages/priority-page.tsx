import { nameLimits, type PriorityClass } from '../../../protocol/config-entities.js';
import { BiText } from '../lib/bi.js';
import { CrudPage, type CrudSpec, type FormProps } from '../lib/crud-page.js';
import { CheckField, NumberField, SelectField, TextField, TextPair } from '../lib/fields.js';
import { activeCell } from './cells.js';

type PriorityInput = Omit<PriorityClass, 'id'>;

const kinds = [
  { value: 'age' as const, zh: '按年龄（读身份证自动判定）', en: 'By age, from the ID card' },
  { value: 'declared' as const, zh: '申报（取号时选择或工作人员确认）', en: 'Declared at the kiosk or by staff' },
];

function PriorityForm({ value, onChange }: FormProps<PriorityInput, PriorityClass>) {
  const set = <K extends keyof PriorityInput>(k: K, v: PriorityInput[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField zh="编码" en="Code" testid="priority-code" value={value.code} onChange={(v) => set('code', v)} required pattern="[A-Za-z0-9_\-]{1,16}" />
      <TextPair zh="名称" en="Name" testid="priority-name" value={value.name} onChange={(v) => set('name', v)} max={nameLimits.priorityClass} />
      <SelectField zh="类型" en="Kind" testid="priority-kind" value={value.kind} options={kinds}
        onChange={(v) => onChange({ ...value, kind: v, minAge: v === 'age' ? value.minAge ?? 65 : null })} />
      {value.kind === 'age' && (
        <NumberField zh="起始年龄" en="From age" testid="priority-min-age" value={value.minAge} min={1} max={120} onChange={(v) => set('minAge', v)}
          hint={{ zh: '各地规定 60、65 或 70 岁', en: 'local rules: 60, 65 or 70' }} />
      )}
      <CheckField zh="启用" en="Active" testid="priority-active" value={value.active} onChange={(v) => set('active', v)} />
    </>
  );
}

const spec: CrudSpec<PriorityClass, PriorityInput> = {
  path: 'priority-classes', zh: '优先类别', en: 'Priority classes', one: { zh: '优先类别', en: 'priority class' },
  columns: [
    { zh: '编码', en: 'Code', cell: (p) => p.code },
    { zh: '名称', en: 'Name', cell: (p) => <BiText text={p.name} /> },
    { zh: '类型', en: 'Kind', cell: (p) => (p.kind === 'age' ? `${p.minAge} 岁以上 age ${p.minAge}+` : '申报 Declared') },
    { zh: '状态', en: 'State', cell: (p) => activeCell(p.active) },
  ],
  blank: () => ({ code: '', name: { zh: '', en: '' }, kind: 'declared', minAge: null, active: true }),
  toInput: ({ id: _id, ...rest }) => rest,
  form: (p) => <PriorityForm {...p} />,
};

export function PriorityPage() {
  return <CrudPage spec={spec} />;
}
