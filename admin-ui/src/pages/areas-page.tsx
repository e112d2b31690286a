import type { Area } from '../../../protocol/config-entities.js';
import { BiText } from '../lib/bi.js';
import { CrudPage, type CrudSpec, type FormProps } from '../lib/crud-page.js';
import { CheckField, TextField, TextPair } from '../lib/fields.js';
import { activeCell } from './cells.js';

type AreaInput = Omit<Area, 'id'>;

function AreaForm({ value, onChange }: FormProps<AreaInput, Area>) {
  const set = <K extends keyof AreaInput>(k: K, v: AreaInput[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField zh="代码" en="Code" testid="area-code" value={value.code} onChange={(v) => set('code', v)} required pattern="[A-Za-z0-9_\-]{1,16}"
        hint={{ zh: '字母数字，最多16位', en: 'letters and digits, up to 16' }} />
      <TextPair zh="名称" en="Name" testid="area-name" value={value.name} onChange={(v) => set('name', v)} />
      <CheckField zh="启用" en="Active" testid="area-active" value={value.active} onChange={(v) => set('active', v)} />
    </>
  );
}

const spec: CrudSpec<Area, AreaInput> = {
  path: 'areas', zh: '区域', en: 'Areas',
  columns: [
    { zh: '代码', en: 'Code', cell: (a) => a.code },
    { zh: '名称', en: 'Name', cell: (a) => <BiText text={a.name} /> },
    { zh: '状态', en: 'State', cell: (a) => activeCell(a.active) },
  ],
  blank: () => ({ code: '', name: { zh: '', en: '' }, active: true }),
  toInput: ({ id: _id, ...rest }) => rest,
  form: (p) => <AreaForm {...p} />,
};

export function AreasPage() {
  return <CrudPage spec={spec} />;
}
