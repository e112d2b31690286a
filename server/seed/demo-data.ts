import type { Text } from '../../protocol/i18n.js';

/** The demo hall: three areas, ten services, twelve windows (one comprehensive, one green channel). */
export const demoAreas: { code: string; name: Text }[] = [
  { code: 'SB', name: { zh: '社保医保', en: 'Social Security' } },
  { code: 'BDC', name: { zh: '不动产登记', en: 'Real Estate' } },
  { code: 'ZH', name: { zh: '综合受理', en: 'General Services' } },
];

export const demoServices: { code: string; area: string; prefix: string; name: Text; minutes: number; idRequired: boolean; onlineAllowed: boolean; dailyQuota?: number }[] = [
  { code: 'SB01', area: 'SB', prefix: 'A', name: { zh: '社保参保登记', en: 'Pension Enrolment' }, minutes: 6, idRequired: true, onlineAllowed: true },
  { code: 'SB02', area: 'SB', prefix: 'B', name: { zh: '医保报销', en: 'Medical Reimbursement' }, minutes: 8, idRequired: true, onlineAllowed: true },
  { code: 'SB03', area: 'SB', prefix: 'C', name: { zh: '社保卡办理', en: 'Social Security Card' }, minutes: 5, idRequired: true, onlineAllowed: false },
  { code: 'BDC01', area: 'BDC', prefix: 'D', name: { zh: '不动产转移登记', en: 'Property Transfer' }, minutes: 15, idRequired: true, onlineAllowed: true, dailyQuota: 200 },
  { code: 'BDC02', area: 'BDC', prefix: 'E', name: { zh: '抵押登记', en: 'Mortgage Registration' }, minutes: 12, idRequired: true, onlineAllowed: true },
  { code: 'BDC03', area: 'BDC', prefix: 'F', name: { zh: '不动产查询', en: 'Property Records' }, minutes: 4, idRequired: false, onlineAllowed: true },
  { code: 'ZH01', area: 'ZH', prefix: 'G', name: { zh: '户籍业务', en: 'Household Registration' }, minutes: 7, idRequired: true, onlineAllowed: true },
  { code: 'ZH02', area: 'ZH', prefix: 'H', name: { zh: '营业执照', en: 'Business Licence' }, minutes: 10, idRequired: true, onlineAllowed: true },
  { code: 'ZH03', area: 'ZH', prefix: 'J', name: { zh: '公积金提取', en: 'Housing Fund' }, minutes: 6, idRequired: true, onlineAllowed: true },
  { code: 'ZH04', area: 'ZH', prefix: 'K', name: { zh: '咨询服务', en: 'Enquiries' }, minutes: 3, idRequired: false, onlineAllowed: false },
];

export const demoWindows: { number: number; area: string; main?: string[]; backup?: string[]; comprehensive?: boolean; green?: boolean }[] = [
  { number: 1, area: 'SB', main: ['SB01'], backup: ['SB02'] },
  { number: 2, area: 'SB', main: ['SB02'], backup: ['SB01'] },
  { number: 3, area: 'SB', main: ['SB03'], backup: ['SB01', 'SB02'] },
  { number: 4, area: 'SB', main: ['SB01', 'SB02', 'SB03'], green: true },
  { number: 5, area: 'BDC', main: ['BDC01'], backup: ['BDC02'] },
  { number: 6, area: 'BDC', main: ['BDC01', 'BDC02'] },
  { number: 7, area: 'BDC', main: ['BDC02'], backup: ['BDC03'] },
  { number: 8, area: 'BDC', main: ['BDC03'], backup: ['BDC01'] },
  { number: 9, area: 'ZH', main: ['ZH01'], backup: ['ZH04'] },
  { number: 10, area: 'ZH', main: ['ZH02'], backup: ['ZH03'] },
  { number: 11, area: 'ZH', main: ['ZH03', 'ZH04'], backup: ['ZH01'] },
  { number: 12, area: 'ZH', comprehensive: true },
];

export const demoStaff: { number: string; name: string; role: 'staff' | 'supervisor' | 'admin' }[] = [
  { number: 'admin', name: '管理员', role: 'admin' },
  { number: 'S01', name: '值班长', role: 'supervisor' },
  ...Array.from({ length: 12 }, (_, i) => ({ number: String(1001 + i), name: `工作人员${String(i + 1).padStart(2, '0')}`, role: 'staff' as const })),
];
