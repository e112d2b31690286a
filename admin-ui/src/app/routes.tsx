import type { FunctionComponent } from 'preact';
import { AppointmentsPage } from '../pages/appointments/appointments-page.js';
import { AreasPage } from '../pages/areas-page.js';
import { AuditPage } from '../pages/audit/audit-page.js';
import { DevicesPage } from '../pages/devices-page.js';
import { MonitorPage } from '../pages/monitor/monitor-page.js';
import { LedgerPage } from '../pages/ratings/ledger-page.js';
import { PriorityPage } from '../pages/priority-page.js';
import { ServicesPage } from '../pages/services/services-page.js';
import { SettingsPage } from '../pages/settings-page.js';
import { DashboardPage } from '../pages/stats/dashboard-page.js';
import { ReportsPage } from '../pages/stats/reports-page.js';
import { StaffPage } from '../pages/staff-page.js';
import { WindowsPage } from '../pages/windows/windows-page.js';

export interface Route { hash: string; zh: string; en: string; Page: FunctionComponent }

/** The admin pages, in the order of the side menu; the first is the landing page. */
export const routes: Route[] = [
  { hash: 'monitor', zh: '大厅实况', en: 'Live hall', Page: MonitorPage },
  { hash: 'dashboard', zh: '今日概况', en: 'Dashboard', Page: DashboardPage },
  { hash: 'ratings', zh: '好差评台账', en: 'Ratings ledger', Page: LedgerPage },
  { hash: 'appointments', zh: '预约管理', en: 'Appointments', Page: AppointmentsPage },
  { hash: 'reports', zh: '统计报表', en: 'Reports', Page: ReportsPage },
  { hash: 'areas', zh: '区域', en: 'Areas', Page: AreasPage },
  { hash: 'services', zh: '业务', en: 'Services', Page: ServicesPage },
  { hash: 'windows', zh: '窗口', en: 'Windows', Page: WindowsPage },
  { hash: 'staff', zh: '工作人员', en: 'Staff', Page: StaffPage },
  { hash: 'priority', zh: '优先类别', en: 'Priority classes', Page: PriorityPage },
  { hash: 'settings', zh: '大厅设置', en: 'Hall settings', Page: SettingsPage },
  { hash: 'devices', zh: '设备配对', en: 'Devices', Page: DevicesPage },
  { hash: 'audit', zh: '操作日志', en: 'Audit log', Page: AuditPage },
];

/** A page may keep its own state after a '?' in the hash (the audit log's filters): the page is named before it. */
export function routeOf(hash: string): Route {
  const page = hash.split('?')[0];
  return routes.find((r) => `#/${r.hash}` === page) ?? routes[0];
}
