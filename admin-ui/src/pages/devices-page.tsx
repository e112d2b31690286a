import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { DeviceRole } from '../../../protocol/commands.js';
import type { Area, Window } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import { ConfirmDialog } from '../lib/confirm-dialog.js';
import { SelectField } from '../lib/fields.js';
import { formatTime } from '../lib/time.js';
import { useList } from '../lib/use-list.js';

interface DeviceRecord { id: number; name: string; role: DeviceRole; areaId: number | null; windowId: number | null; revokedAt: number | null }

const roles: { value: DeviceRole; zh: string; en: string; place: 'area' | 'window' }[] = [
  { value: 'kiosk', zh: '取号机', en: 'Kiosk', place: 'area' },
  { value: 'board', zh: '大厅 / 区域大屏', en: 'Display board', place: 'area' },
  { value: 'pad', zh: '窗口评价器 / 窗口设备', en: 'Rating screen or window device', place: 'window' },
  { value: 'bridge', zh: '桌面助手', en: 'Desktop bridge', place: 'window' },
];
const roleName = (r: DeviceRole) => roles.find((x) => x.value === r)?.zh ?? r;

/** Devices are paired with a one-time 8-digit code (valid 10 minutes) entered on the device; revoking cuts it off at once. */
export function DevicesPage() {
  const devices = useList<DeviceRecord>('/api/devices');
  const areas = useList<Area>('/api/areas');
  const windows = useList<Window>('/api/windows');
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [placeId, setPlaceId] = useState<number>(0);
  const [code, setCode] = useState<{ code: string; expiresAt: number; role: DeviceRole } | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [asking, setAsking] = useState<DeviceRecord | null>(null);
  const place = roles.find((r) => r.value === role)!.place;

  const create = async (e: Event) => {
    e.preventDefault();
    const body = place === 'window' ? { role, windowId: placeId || null } : { role, areaId: placeId || null };
    const res = await apiCall<{ code: string; expiresAt: number }>('POST', '/api/devices/pairing-codes', { body });
    if (!res.ok) return setError(res.error);
    setError(null);
    setCode({ ...res.data, role });
  };
  // Asked in the page's own dialog: the browser's confirm() labels its buttons in the browser's language.
  const revoke = async (d: DeviceRecord) => {
    const res = await apiCall('POST', `/api/devices/${d.id}/revoke`);
    if (!res.ok) return setError(res.error);
    await devices.reload();
  };
  const placeOf = (d: DeviceRecord) => d.windowId !== null
    ? windows.items.find((w) => w.id === d.windowId)?.name.zh ?? `#${d.windowId}`
    : d.areaId !== null ? areas.items.find((a) => a.id === d.areaId)?.name.zh ?? `#${d.areaId}` : '全厅 Whole hall';
  const placeOptions = place === 'window'
    ? windows.items.map((w) => ({ value: w.id, zh: w.name.zh, en: w.name.en }))
    : [{ value: 0, zh: '全厅', en: 'Whole hall' }, ...areas.items.map((a) => ({ value: a.id, zh: a.name.zh, en: a.name.en }))];

  return (
    <div class="crud">
      <section class="panel crud-list">
        <header class="panel-head"><h2><Bi zh="已配对设备" en="Paired devices" inline /> <span class="count">{devices.items.length}</span></h2></header>
        <div class="table-scroll">
          <table class="table" data-testid="admin-devices-table">
            <thead>
              <tr>
                <th>#</th><th><Bi zh="名称" en="Name" /></th><th><Bi zh="类型" en="Role" /></th><th><Bi zh="位置" en="Place" /></th>
                <th><Bi zh="状态" en="State" /></th><th />
              </tr>
            </thead>
            <tbody>
              {devices.items.map((d) => (
                <tr key={d.id} data-testid={`admin-device-${d.id}`}>
                  <td>{d.id}</td><td>{d.name}</td><td>{roleName(d.role)}</td><td>{placeOf(d)}</td>
                  <td>
                    {d.revokedAt ? <span class="state state-off">已吊销 Revoked {formatTime(d.revokedAt, undefined, true)}</span> : <span class="state state-on">有效 Active</span>}
                  </td>
                  <td>
                    {!d.revokedAt && (
                      <button type="button" class="btn btn-small btn-danger" data-testid={`admin-device-revoke-${d.id}`} onClick={() => setAsking(d)}>
                        <Bi zh="吊销" en="Revoke" inline />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="panel crud-form">
        <form onSubmit={create}>
          <header class="panel-head"><h2><Bi zh="生成配对码" en="New pairing code" inline /></h2></header>
          <div class="form-body">
            <SelectField zh="设备类型" en="Device role" testid="device-role" value={role} options={roles} onChange={(r) => { setRole(r); setPlaceId(0); setCode(null); }} />
            <SelectField zh={place === 'window' ? '窗口' : '区域'} en={place === 'window' ? 'Window' : 'Area'} testid="device-place"
              value={place === 'window' && !placeId ? null : placeId} options={placeOptions} onChange={(v) => setPlaceId(v)} />
            {code && (
              <div class="pairing-code" data-testid="admin-pairing-code-box">
                <Bi zh={`${roleName(code.role)}配对码`} en="Pairing code" />
                <span class="pairing-digits" data-testid="admin-pairing-code">{code.code}</span>
                <span class="muted">有效至 Valid until {formatTime(code.expiresAt)} · 在设备上输入此码 Enter it on the device</span>
              </div>
            )}
          </div>
          <footer class="form-foot">
            <ErrorNotice error={error} />
            <div class="form-buttons">
              <button type="submit" class="btn btn-primary" data-testid="admin-pairing-create"><Bi zh="生成" en="Create" inline /></button>
            </div>
          </footer>
        </form>
      </section>
      {asking && (
        <ConfirmDialog
          question={{
            title: { zh: `吊销设备“${asking.name}”？`, en: 'Revoke this device?' },
            lines: [{ zh: `${roleName(asking.role)}将立即断开，须重新配对才能使用`, en: 'It is cut off at once and must be paired again to be used' }],
            confirm: { zh: '吊销', en: 'Revoke' },
          }}
          onAnswer={(yes) => {
            const d = asking;
            setAsking(null);
            if (yes) void revoke(d);
          }} />
      )}
    </div>
  );
}