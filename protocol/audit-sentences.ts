import type { AccessEntry, EventActor, StoredEvent } from './audit-log.js';
import type { Text } from './i18n.js';
import { followUpStepNames, ratingLevelNames, ratingReasonNames } from './ratings.js';

/**
 * Turns the audit log into sentences an office reads, Chinese and English: who did what to which ticket, setting
 * or device. The admin page shows them and the CSV export writes the same words. Only masked forms are ever read
 * out of a payload; anything unknown falls back to its type, so new kinds of event still show.
 */
export interface Lookups {
  staffName: (id: number) => string | null;
  windowNumber: (id: number) => number | null;
  serviceName: (id: number) => Text | null;
  areaName: (id: number) => Text | null;
}

type Words = Record<string, Text>;
const roles: Words = {
  admin: { zh: '管理员', en: 'admin' }, supervisor: { zh: '值班长', en: 'supervisor' }, staff: { zh: '工作人员', en: 'staff' },
  kiosk: { zh: '取号机', en: 'kiosk' }, board: { zh: '大屏', en: 'board' }, pad: { zh: '叫号器', en: 'caller pad' }, bridge: { zh: '桌面助手', en: 'desktop bridge' },
};
const channels: Words = {
  kiosk: { zh: '取号机', en: 'kiosk' }, online: { zh: '网上', en: 'online' }, appointment: { zh: '预约', en: 'appointment' },
  transfer: { zh: '转移', en: 'transfer' }, staff: { zh: '工作人员代取', en: 'taken by staff' },
};
const pauses: Words = { lunch: { zh: '午休', en: 'lunch' }, break: { zh: '休息', en: 'break' }, meeting: { zh: '开会', en: 'meeting' }, other: { zh: '其他', en: 'other' } };
const statuses: Words = { open: { zh: '开放', en: 'open' }, closed: { zh: '关闭', en: 'closed' }, paused: { zh: '暂停', en: 'paused' } };
const entities: Words = {
  area: { zh: '区域', en: 'area' }, service: { zh: '业务', en: 'service' }, window: { zh: '窗口', en: 'window' },
  staff: { zh: '工作人员', en: 'staff member' }, priorityClass: { zh: '优先类别', en: 'priority class' },
};
const word = (table: Words, key: unknown): Text => table[String(key)] ?? { zh: String(key), en: String(key) };
const same = (text: string): Text => ({ zh: text, en: text });

/** Staff names are the same in both languages; someone no longer on the staff list is named by id. */
function staffName(id: number, l: Lookups): Text {
  const name = l.staffName(id);
  return name ? same(name) : { zh: `工号#${id}`, en: `staff #${id}` };
}

export function describeActor(actor: EventActor, l: Lookups): Text {
  switch (actor.kind) {
    case 'staff': {
      const name = staffName(actor.staffId, l);
      const role = word(roles, actor.role);
      return { zh: `${name.zh}（${role.zh}）`, en: `${name.en} (${role.en})` };
    }
    case 'device': {
      const role = word(roles, actor.role);
      return { zh: `${role.zh} 设备#${actor.deviceId}`, en: `${role.en} device #${actor.deviceId}` };
    }
    case 'public': return { zh: '群众（网上 / 手机）', en: 'visitor (online / phone)' };
    case 'system': return { zh: '系统', en: 'system' };
  }
}

function windowName(id: unknown, l: Lookups): Text {
  if (typeof id !== 'number') return same('');
  const n = l.windowNumber(id) ?? `#${id}`;
  return { zh: `${n}号窗口`, en: `window ${n}` };
}

function serviceName(id: unknown, l: Lookups): Text {
  if (typeof id !== 'number') return same('');
  const name = l.serviceName(id);
  return name ? { zh: name.zh, en: name.en || name.zh } : { zh: `业务#${id}`, en: `service #${id}` };
}

function itemName(item: any): Text {
  if (!item) return same('');
  if (typeof item.name === 'string') return same(`${item.name} ${item.number ?? ''}`.trim());
  const zh = item.name?.zh ?? item.code ?? String(item.id ?? '');
  return { zh, en: item.name?.en || zh };
}

/** Joins the Chinese and the English of each part. */
function both(zh: (s: (t: Text) => string) => string, en: (s: (t: Text) => string) => string): Text {
  return { zh: zh((t) => t.zh), en: en((t) => t.en) };
}

export function describeEvent(e: StoredEvent, l: Lookups): Text {
  const p = e.payload;
  const t = p.ticket ?? {};
  const who = t.person?.nameMasked ? { zh: `（${t.person.nameMasked}）`, en: ` (${t.person.nameMasked})` } : same('');
  const atWindow = windowName(p.runtime?.windowId, l);
  const at = (zh: string, en: string) => ({ zh: `${atWindow.zh} ${zh}`, en: `${capital(atWindow.en)} ${en}` });
  switch (e.type) {
    case 'ticket.issued': {
      const service = serviceName(t.serviceId, l);
      const channel = word(channels, t.channel);
      return both((s) => `取号 ${t.number}${s(who)}：${s(service)}，渠道：${s(channel)}`, (s) => `Ticket ${t.number}${s(who)} issued: ${s(service)}, channel: ${s(channel)}`);
    }
    case 'ticket.called': {
      const reason = p.outOfOrderReason;
      return at(`呼叫 ${t.number}${reason ? `（指定叫号，原因：${reason}）` : ''}`, `called ${t.number}${reason ? ` (out of turn, reason: ${reason})` : ''}`);
    }
    case 'ticket.recalled': return at(`重呼 ${t.number}（第 ${t.recalls} 次）`, `called ${t.number} again (recall ${t.recalls})`);
    case 'ticket.started': return at(`开始办理 ${t.number}`, `started serving ${t.number}`);
    case 'ticket.finished': return at(`办结 ${t.number}`, `finished ${t.number}`);
    case 'ticket.noShow': return at(`标记过号 ${t.number}`, `marked ${t.number} a no-show`);
    case 'ticket.requeued': return { zh: `过号顺延 ${t.number}（第 ${t.requeues} 次）`, en: `${t.number} re-queued after a no-show (re-queue ${t.requeues})` };
    case 'ticket.transferred': {
      const next = p.next ?? {};
      const to = next.targetWindowId != null ? windowName(next.targetWindowId, l) : serviceName(next.serviceId, l);
      const from = serviceName(t.serviceId, l);
      return both((s) => `转移 ${t.number}：${s(from)} → ${s(to)}`, (s) => `Transferred ${t.number}: ${s(from)} → ${s(to)}`);
    }
    case 'ticket.cancelled': {
      const reason = p.reason === 'visitor' ? { zh: '（群众自行取消）', en: ' (by the visitor)' } : p.reason ? { zh: `（${p.reason}）`, en: ` (${p.reason})` } : same('');
      return both((s) => `取消 ${t.number}${s(reason)}`, (s) => `Cancelled ${t.number}${s(reason)}`);
    }
    case 'window.statusChanged': return windowChange(p, l);
    case 'rating.recorded': {
      const r = p.rating ?? {};
      const reasons = (r.reasons ?? []).map((x: string) => word(ratingReasonNames, x));
      const level = word(ratingLevelNames, r.level);
      const listed = (lang: 'zh' | 'en') => reasons.map((x: Text) => x[lang]).join(lang === 'zh' ? '、' : ', ');
      const followUp = p.followUp ? { zh: `，差评跟进 #${p.followUp.id} 立案`, en: `; follow-up case #${p.followUp.id} opened` } : same('');
      return {
        zh: `评价 ${r.number}：${level.zh}${reasons.length ? `（${listed('zh')}）` : ''}${followUp.zh}`,
        en: `Rating of ${r.number}: ${level.en}${reasons.length ? ` (${listed('en')})` : ''}${followUp.en}`,
      };
    }
    case 'case.numbered': {
      const of = p.rating?.number;
      return { zh: `登记办件编号 ${p.caseNumber}${of ? `（${of}）` : ''}`, en: `Case number ${p.caseNumber} recorded${of ? ` (${of})` : ''}` };
    }
    case 'followUp.updated': {
      const f = p.followUp ?? {};
      const step = f.history?.at(-1);
      const name = step ? word(followUpStepNames, step.action) : { zh: '更新', en: 'updated' };
      const voided = p.voidedRatingId ? { zh: '，该评价作废', en: '; the rating is void' } : same('');
      return both((s) => `差评跟进 #${f.id}（${f.number}）：${s(name)}${s(voided)}`, (s) => `Follow-up case #${f.id} (${f.number}): ${s(name)}${s(voided)}`);
    }
    case 'appointment.booked': {
      const a = p.appointment ?? {};
      const service = serviceName(a.serviceId, l);
      return both((s) => `预约 ${s(service)} ${a.date} ${a.slotStart}`, (s) => `Appointment booked: ${s(service)} ${a.date} ${a.slotStart}`);
    }
    case 'appointment.checkedIn': return { zh: `预约签到，取得 ${t.number}`, en: `Appointment checked in: ticket ${t.number}` };
    case 'appointment.cancelled': {
      const a = p.appointment ?? {};
      const service = serviceName(a.serviceId, l);
      return both((s) => `取消预约 ${s(service)} ${a.date}`, (s) => `Appointment cancelled: ${s(service)} ${a.date}`);
    }
    case 'config.saved': {
      const entity = word(entities, p.entity);
      const item = itemName(p.item);
      return both((s) => `保存${s(entity)}「${s(item)}」`, (s) => `Saved ${s(entity)} "${s(item)}"`);
    }
    case 'config.deleted': {
      const entity = word(entities, p.entity);
      return both((s) => `删除${s(entity)} #${p.id}`, (s) => `Deleted ${s(entity)} #${p.id}`);
    }
    case 'settings.saved': return { zh: '修改大厅设置', en: 'Hall settings changed' };
    // Written at the hall's midnight (or at start-up after nights off): hallDay is the day that begins, and the
    // days it ends are the ones before it.
    case 'day.closed': return {
      zh: `新的营业日 ${p.hallDay} 开始，此前未办结的号码已结束`,
      en: `Hall day ${p.hallDay} began; tickets left from earlier days were ended`,
    };
    default: return same(e.type);
  }
}

function windowChange(p: Record<string, any>, l: Lookups): Text {
  const r = p.runtime ?? {};
  const at = windowName(r.windowId, l);
  if (p.afterHours) return closedAfterHours(at, p.afterHours.ticket);
  const status = word(statuses, r.status);
  const pause = r.pauseReason ? word(pauses, r.pauseReason) : null;
  const text = {
    zh: `${at.zh} ${status.zh}${pause ? `（${pause.zh}）` : ''}`,
    en: `${capital(at.en)} ${status.en}${pause ? ` (${pause.en})` : ''}`,
  };
  if (!p.takeOver) return text;
  const from = staffName(p.takeOver.fromStaffId, l);
  const to = staffName(r.staffId, l);
  const counter = p.takeOver.ticket?.number;
  return {
    zh: `${text.zh}：${to.zh} 接管（顶岗），原值守 ${from.zh}${counter ? `，柜台前 ${counter} 改由其办理` : ''}`,
    en: `${text.en}: taken over by ${to.en} from ${from.en}${counter ? `, who now serves ${counter} at the counter` : ''}`,
  };
}

/** The hall closing a window its clerk left open after the day's hours, and how it ended the visitor left there. */
function closedAfterHours(at: Text, ticket: { number?: string; status?: string } | null): Text {
  const text = { zh: `大厅下班后关闭了${at.zh}`, en: `The hall closed ${at.en} after hours` };
  if (!ticket?.number) return text;
  if (ticket.status === 'done') return { zh: `${text.zh}，柜台前的 ${ticket.number} 记为办结`, en: `${text.en}; ${ticket.number}, at the counter, recorded as finished` };
  return { zh: `${text.zh}，已呼叫未到柜台的 ${ticket.number} 记为过号`, en: `${text.en}; ${ticket.number}, called and never at the counter, recorded as a no-show` };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a device or pairing code belongs: a window, an area, or the whole hall. */
function placeOf(entry: AccessEntry, l: Lookups): Text {
  if (entry.windowId !== null) return windowName(entry.windowId, l);
  if (entry.areaId !== null) {
    const name = l.areaName(entry.areaId);
    return name ? { zh: `${name.zh}区域`, en: `area ${name.en || name.zh}` } : { zh: `区域#${entry.areaId}`, en: `area #${entry.areaId}` };
  }
  return { zh: '全大厅', en: 'whole hall' };
}

/** Who an access log line is about; a failed sign-in names nobody, since nobody proved who they were. */
export function describeAccessActor(entry: AccessEntry, l: Lookups): Text {
  if (entry.staffId !== null) return staffName(entry.staffId, l);
  if (entry.action === 'devicePaired' && entry.deviceId !== null) return describeActor({ kind: 'device', deviceId: entry.deviceId, role: entry.role ?? '' }, l);
  return { zh: '未登录', en: 'not signed in' };
}

export function describeAccess(entry: AccessEntry, l: Lookups): Text {
  const role = word(roles, entry.role);
  const place = placeOf(entry, l);
  const number = entry.staffNumber ?? '';
  switch (entry.action) {
    case 'signIn': return { zh: '登录', en: 'Signed in' };
    case 'signOut': return { zh: '退出登录', en: 'Signed out' };
    case 'signInFailed':
      if (entry.reason === 'throttled') return { zh: `工号 ${number} 登录被拒：失败次数过多，暂停登录`, en: `Sign-in as ${number} refused: too many failed attempts` };
      if (entry.reason === 'deactivated') return { zh: `工号 ${number} 登录失败：账号已停用`, en: `Failed sign-in as ${number}: the account is deactivated` };
      return { zh: `工号 ${number} 登录失败：工号或密码错误`, en: `Failed sign-in as ${number}: wrong staff number or password` };
    case 'sessionsEnded': {
      const account = entry.accountId !== null ? staffName(entry.accountId, l) : same('');
      const why = entry.reason === 'deleted' ? { zh: '已删除', en: 'deleted' } : { zh: '已停用', en: 'deactivated' };
      return both((s) => `${s(account)} 的账号${s(why)}，其登录已全部结束`, (s) => `${s(account)}'s account ${s(why)}; their sessions ended`);
    }
    case 'pairingCode': return both((s) => `生成${s(role)}配对码：${s(place)}`, (s) => `Pairing code made for a ${s(role)}: ${s(place)}`);
    case 'devicePaired': return both((s) => `设备「${entry.deviceName}」配对为${s(role)}：${s(place)}`, (s) => `Device "${entry.deviceName}" paired as ${s(role)}: ${s(place)}`);
    case 'pairingFailed': return { zh: '设备配对失败：配对码无效或已过期', en: 'Failed pairing: the code was wrong, used or expired' };
    case 'deviceRevoked': return both((s) => `吊销设备「${entry.deviceName}」（${s(role)}，${s(place)}）`, (s) => `Revoked device "${entry.deviceName}" (${s(role)}, ${s(place)})`);
    default: return same(String(entry.action));
  }
}
