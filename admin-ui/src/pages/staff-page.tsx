import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { Staff } from '../../../protocol/config-entities.js';
import { Bi } from '../lib/bi.js';
import type { Question } from '../lib/confirm-dialog.js';
import { CrudPage, type CrudSpec, type FormProps } from '../lib/crud-page.js';
import { CheckField, PasswordField, SelectField, TextField } from '../lib/fields.js';
import { useList } from '../lib/use-list.js';
import { activeCell } from './cells.js';

/** The password is sent only when set: an update without one keeps the old password. */
type StaffInput = Omit<Staff, 'id'> & { password?: string };

const roles = [
  { value: 'staff' as const, zh: '窗口人员', en: 'Window staff' },
  { value: 'supervisor' as const, zh: '值班长 / 科长', en: 'Supervisor' },
  { value: 'admin' as const, zh: '管理员', en: 'Administrator' },
];

function StaffForm({ value, onChange, editing, supervisors, me }: FormProps<StaffInput, Staff> & { supervisors: Staff[]; me: number | null }) {
  const set = <K extends keyof StaffInput>(k: K, v: StaffInput[K]) => onChange({ ...value, [k]: v });
  const setPassword = (v: string) => {
    const { password: _old, ...rest } = value;
    onChange(v ? { ...rest, password: v } : rest);
  };
  const supervisorOptions = [{ value: 0, zh: '无', en: 'None' }, ...supervisors.filter((s) => s.id !== editing?.id).map((s) => ({ value: s.id, zh: `${s.name}（${s.number}）` }))];
  return (
    <>
      <div class="form-row">
        <TextField zh="工号" en="Staff number" testid="staff-number" value={value.number} onChange={(v) => set('number', v)} required pattern="[A-Za-z0-9_\-]{1,32}" />
        <TextField zh="姓名" en="Name" testid="staff-name" value={value.name} onChange={(v) => set('name', v)} required maxLength={40} />
      </div>
      <div class="form-row">
        <SelectField zh="角色" en="Role" testid="staff-role" value={value.role} options={roles} onChange={(v) => set('role', v)} />
        <SelectField zh="上级" en="Supervisor" testid="staff-supervisor" value={value.supervisorId ?? 0} options={supervisorOptions}
          onChange={(v) => set('supervisorId', v === 0 ? null : v)} />
      </div>
      <PasswordField zh={editing ? '新密码（不改请留空）' : '初始密码'} en={editing ? 'New password (empty: unchanged)' : 'Initial password'} testid="staff-password"
        value={value.password ?? ''} onChange={setPassword} required={!editing} hint={{ zh: '至少8位', en: 'at least 8 characters' }} />
      <CheckField zh="在职（停用后立即退出登录）" en="Active (deactivating signs them out at once)" testid="staff-active" value={value.active}
        onChange={(v) => set('active', v)} disabled={editing !== null && editing.id === me} />
    </>
  );
}

const toInput = ({ id: _id, ...rest }: Staff): StaffInput => rest;

/** Deactivating someone signs them out at once and keeps them out: the question names them, whoever they are. */
function askBeforeDeactivating(input: StaffInput, before: Staff | null): Question | null {
  if (!before?.active || input.active) return null;
  const who = `${before.name}（${before.number}）`;
  return {
    title: { zh: `停用工作人员 ${who}？`, en: `Deactivate ${before.name} (${before.number})?` },
    lines: [
      { zh: `${who}将立即退出登录，重新启用前不能再登录。`, en: 'They are signed out at once and cannot log in until reactivated.' },
      ...(before.role === 'admin' ? [{ zh: '这是一个管理员账号。', en: 'This is an administrator account.' }] : []),
    ],
    confirm: { zh: '停用', en: 'Deactivate' },
  };
}

/** The account this page is used with: it offers no 停用 for itself (the server refuses it, SELF_DEACTIVATE). */
function useMyStaffId(): number | null {
  const [id, setId] = useState<number | null>(null);
  useEffect(() => {
    void apiCall<{ staff: Staff | null }>('GET', '/api/auth/me').then((r) => r.ok && setId(r.data.staff?.id ?? null));
  }, []);
  return id;
}

export function StaffPage() {
  // The supervisor list reads the same staff list; a new supervisor shows up after the next visit to the page.
  const all = useList<Staff>('/api/staff');
  const me = useMyStaffId();
  const spec: CrudSpec<Staff, StaffInput> = {
    path: 'staff', zh: '工作人员', en: 'Staff', one: { zh: '工作人员', en: 'staff member' },
    columns: [
      { zh: '工号', en: 'No.', cell: (s) => s.number },
      { zh: '姓名', en: 'Name', cell: (s) => s.name },
      { zh: '角色', en: 'Role', cell: (s) => roles.find((r) => r.value === s.role)?.zh ?? s.role },
      { zh: '上级', en: 'Supervisor', cell: (s) => all.items.find((x) => x.id === s.supervisorId)?.name ?? '—' },
      { zh: '状态', en: 'State', cell: (s) => activeCell(s.active) },
    ],
    blank: () => ({ number: '', name: '', role: 'staff', supervisorId: null, active: true }),
    toInput,
    form: (p) => <StaffForm {...p} me={me} supervisors={all.items.filter((s) => s.role !== 'staff' && s.active)} />,
    rowActions: (s, save) => {
      if (s.id === me) return <span class="muted nowrap" data-testid={`staff-self-${s.number}`}><Bi zh="当前账号" en="You" inline /></span>;
      return s.active ? (
        <button type="button" class="btn btn-small" data-testid={`staff-deactivate-${s.number}`} onClick={() => void save({ ...toInput(s), active: false }, s.id)}>
          <Bi zh="停用" en="Deactivate" inline />
        </button>
      ) : null;
    },
    ask: askBeforeDeactivating,
    sort: (a, b) => a.number.localeCompare(b.number),
  };
  return <CrudPage spec={spec} />;
}
