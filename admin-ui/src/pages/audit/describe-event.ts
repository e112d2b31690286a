import { ratingLevelNames, ratingReasonNames } from '../../../../protocol/ratings.js';
import { stepNames } from '../ratings/follow-up-words.js';

/**
 * Turns a stored event into a sentence an office reads: who did what to which ticket or setting. Only masked
 * forms are ever read out of a payload; anything unknown falls back to its type, so new kinds of event still show.
 */
export interface Lookups {
  staffName: (id: number) => string | null;
  windowNumber: (id: number) => number | null;
  serviceName: (id: number) => string | null;
}

export interface StoredEvent { seq: number; at: number; type: string; actor: Actor; payload: Record<string, any> }
type Actor = { kind: 'staff'; staffId: number; role: string } | { kind: 'device'; deviceId: number; role: string } | { kind: 'public' } | { kind: 'system' };

const roleZh: Record<string, string> = {
  admin: '管理员', supervisor: '值班长', staff: '工作人员', kiosk: '取号机', board: '大屏', pad: '叫号器', bridge: '桌面助手',
};
const channelZh: Record<string, string> = { kiosk: '取号机', online: '网上', appointment: '预约', transfer: '转移', staff: '工作人员代取' };
const pauseZh: Record<string, string> = { lunch: '午休', break: '休息', meeting: '开会', other: '其他' };
const statusZh: Record<string, string> = { open: '开放', closed: '关闭', paused: '暂停' };
const entityZh: Record<string, string> = { area: '区域', service: '业务', window: '窗口', staff: '工作人员', priorityClass: '优先类别' };

export function describeActor(actor: Actor, l: Lookups): string {
  switch (actor.kind) {
    case 'staff': return `${l.staffName(actor.staffId) ?? `工号#${actor.staffId}`}（${roleZh[actor.role] ?? actor.role}）`;
    case 'device': return `${roleZh[actor.role] ?? actor.role} 设备#${actor.deviceId}`;
    case 'public': return '群众（网上 / 手机）';
    case 'system': return '系统';
  }
}

const win = (id: unknown, l: Lookups) => (typeof id === 'number' ? `${l.windowNumber(id) ?? `#${id}`}号窗口` : '');
const who = (t: { person?: { nameMasked?: string } | null }) => (t.person?.nameMasked ? `（${t.person.nameMasked}）` : '');

export function describeEvent(e: StoredEvent, l: Lookups): string {
  const p = e.payload;
  const t = p.ticket ?? {};
  const service = (id: unknown) => (typeof id === 'number' ? l.serviceName(id) ?? `业务#${id}` : '');
  switch (e.type) {
    case 'ticket.issued': return `取号 ${t.number}${who(t)}：${service(t.serviceId)}，渠道：${channelZh[t.channel] ?? t.channel}`;
    case 'ticket.called': return `${win(p.runtime?.windowId, l)} 呼叫 ${t.number}${p.outOfOrderReason ? `（指定叫号，原因：${p.outOfOrderReason}）` : ''}`;
    case 'ticket.recalled': return `${win(p.runtime?.windowId, l)} 重呼 ${t.number}（第 ${t.recalls} 次）`;
    case 'ticket.started': return `${win(p.runtime?.windowId, l)} 开始办理 ${t.number}`;
    case 'ticket.finished': return `${win(p.runtime?.windowId, l)} 办结 ${t.number}`;
    case 'ticket.noShow': return `${win(p.runtime?.windowId, l)} 标记过号 ${t.number}`;
    case 'ticket.requeued': return `过号顺延 ${t.number}（第 ${t.requeues} 次）`;
    case 'ticket.transferred': {
      const next = p.next ?? {};
      const to = next.targetWindowId != null ? win(next.targetWindowId, l) : service(next.serviceId);
      return `转移 ${t.number}：${service(t.serviceId)} → ${to}`;
    }
    case 'ticket.cancelled': return `取消 ${t.number}${p.reason ? `（${p.reason === 'visitor' ? '群众自行取消' : p.reason}）` : ''}`;
    case 'window.statusChanged': {
      const r = p.runtime ?? {};
      const status = `${win(r.windowId, l)} ${statusZh[r.status] ?? r.status}${r.pauseReason ? `（${pauseZh[r.pauseReason] ?? r.pauseReason}）` : ''}`;
      if (!p.takeOver) return status;
      const from = l.staffName(p.takeOver.fromStaffId) ?? `工号#${p.takeOver.fromStaffId}`;
      const to = l.staffName(r.staffId) ?? `工号#${r.staffId}`;
      return `${status}：${to} 接管（顶岗），原值守 ${from}${p.takeOver.ticket ? `，柜台前 ${p.takeOver.ticket.number} 改由其办理` : ''}`;
    }
    case 'rating.recorded': {
      const r = p.rating ?? {};
      const reasons = (r.reasons ?? []).map((x: keyof typeof ratingReasonNames) => ratingReasonNames[x]?.zh ?? x).join('、');
      const level = ratingLevelNames[r.level as keyof typeof ratingLevelNames]?.zh ?? r.level;
      return `评价 ${r.number}：${level}${reasons ? `（${reasons}）` : ''}${p.followUp ? `，差评跟进 #${p.followUp.id} 立案` : ''}`;
    }
    case 'case.numbered': return `登记办件编号 ${p.caseNumber}${p.rating?.number ? `（${p.rating.number}）` : ''}`;
    case 'followUp.updated': {
      const f = p.followUp ?? {};
      const step = f.history?.at(-1);
      const name = step ? stepNames[step.action as keyof typeof stepNames]?.zh ?? step.action : '更新';
      return `差评跟进 #${f.id}（${f.number}）：${name}${p.voidedRatingId ? '，该评价作废' : ''}`;
    }
    case 'appointment.booked': return `预约 ${service(p.appointment?.serviceId)} ${p.appointment?.date} ${p.appointment?.slotStart}`;
    case 'appointment.checkedIn': return `预约签到，取得 ${t.number}`;
    case 'appointment.cancelled': return `取消预约 ${service(p.appointment?.serviceId)} ${p.appointment?.date}`;
    case 'config.saved': return `保存${entityZh[p.entity] ?? p.entity}「${itemName(p.item)}」`;
    case 'config.deleted': return `删除${entityZh[p.entity] ?? p.entity} #${p.id}`;
    case 'settings.saved': return '修改大厅设置';
    case 'day.closed': return `日终结算 ${p.hallDay}`;
    default: return e.type;
  }
}

function itemName(item: any): string {
  if (!item) return '';
  if (typeof item.name === 'string') return `${item.name} ${item.number ?? ''}`.trim();
  return item.name?.zh ?? item.code ?? String(item.id ?? '');
}
