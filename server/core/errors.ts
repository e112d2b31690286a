/**
 * Domain errors are values: a stable code, an HTTP-ish status class, and the message in Chinese and English.
 * The catalog is the one place messages are written, so every client shows the same words for the same refusal.
 */
export interface DomainError {
  ok: false;
  code: ErrorCode;
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  message: { zh: string; en: string };
  details?: Record<string, unknown>;
}

const catalog = {
  NOT_FOUND: [404, '{whatZh}不存在', '{whatEn} not found'],
  INVALID_TRANSITION: [409, '{whatZh}当前状态为“{stateZh}”，不能{actionZh}', '{whatEn} is {stateEn}; cannot {action}'],
  WINDOW_CLOSED: [409, '窗口未开放', 'The window is closed'],
  WINDOW_PAUSED: [409, '窗口暂停服务中', 'The window is paused'],
  WINDOW_BUSY: [409, '窗口当前票号 {number} 状态为“{stateZh}”，请先处理', 'The window still has {number} ({stateEn}); deal with it first'],
  WINDOW_STAFFED: [409, '{window}号窗口由{staffName}值守中；如需接替，请选择“接管窗口”', 'Window {window} is staffed by {staffName}; take it over to work there'],
  WINDOW_IDLE: [409, '窗口当前没有票号', 'The window has no current ticket'],
  QUEUE_EMPTY: [409, '当前没有等候的票号', 'Nobody is waiting for this window'],
  NOT_SERVED_HERE: [409, '该票号不属于本窗口可办理的业务', 'This window does not serve that ticket'],
  SERVICE_INACTIVE: [409, '该业务已停用', 'The service is not offered'],
  SERVICE_CLOSED: [409, '该业务当前不在办理时间，{nextZh}', 'The service is closed now; {nextEn}'],
  QUOTA_REACHED: [409, '该业务今日号源已满', 'Today\'s tickets for this service are all taken'],
  SLOT_QUOTA_REACHED: [409, '该时段号源已满，{nextZh}', 'Tickets for this time slot are all taken; {nextEn}'],
  ALREADY_HOLDING: [409, '您已持有该业务的有效票号 {number}', 'You already hold ticket {number} for this service'],
  ID_REQUIRED: [422, '该业务须实名取号，请刷身份证或输入身份证号', 'This service needs an ID card or ID number'],
  ID_INVALID: [422, '身份证号码校验不通过', 'The ID number fails its check digit'],
  ONLINE_NOT_ALLOWED: [409, '该业务不支持网上取号', 'This service cannot be booked online'],
  PRIORITY_NOT_DECLARABLE: [422, '该优先类别不能自行选择', 'That priority class cannot be chosen'],
  REQUEUE_LIMIT: [409, '该票号已顺延 {max} 次，不能再顺延', 'This ticket has been re-queued {max} times already'],
  TRANSFER_SAME: [409, '不能转移到当前业务', 'Cannot transfer to the same service'],
  TICKET_OF_PAST_DAY: [409, '{number} 是 {hallDay} 的号码，该日已结束，不能再叫号、顺延或转移', 'Ticket {number} is from {hallDay}, a hall day that is over; it cannot be called, re-queued or transferred'],
  SLOT_INVALID: [422, '预约时段无效', 'That appointment slot does not exist'],
  SLOT_FULL: [409, '该预约时段已约满', 'That appointment slot is full'],
  SLOT_PAST: [409, '该预约时段已过', 'That appointment slot has passed'],
  ALREADY_CHECKED_IN: [409, '该预约已签到，您的号码是 {number}', 'This appointment is checked in already; your number is {number}'],
  APPOINTMENT_NOT_DUE: [409, '预约日期不是今天', 'The appointment is not for today'],
  APPOINTMENT_EXPIRED: [409, '该预约已过期', 'This appointment has expired'],
  APPOINTMENT_CANCELLED: [409, '该预约已取消', 'This appointment has been cancelled'],
  CHECK_IN_CLOSED: [409, '该业务今日办理时间已结束，预约不能再签到', 'The service has closed for today; the appointment can no longer be checked in'],
  ALREADY_BOOKED: [409, '您已预约该业务', 'You already have an appointment for this service'],
  SLOT_TOO_FAR: [422, '只能预约今天起 {days} 天内的时段（最晚 {lastDate}）', 'Appointments can be booked up to {days} days ahead (until {lastDate})'],
  APPOINTMENTS_OFF: [409, '本大厅暂不接受预约', 'This hall takes no appointments at present'],
  HALL_HOLIDAY: [409, '{date} 是节假日，大厅不办理业务', '{date} is a public holiday; the hall is closed'],
  DUPLICATE: [409, '{fieldZh}“{value}”已被使用', '{fieldEn} "{value}" is already in use'],
  IN_USE: [409, '{whatZh}仍在使用中（有进行中的票号、预约，或被其他配置引用），请先停用', '{whatEn} is still in use (active tickets or bookings, or other settings refer to it); deactivate it instead'],
  INVALID_REFERENCE: [422, '引用的{whatZh}不存在', 'The referenced {whatEn} does not exist'],
  INVALID_CONFIG: [422, '配置无效：{reasonZh}', 'Invalid configuration: {reasonEn}'],
  SELF_DEACTIVATE: [409, '不能停用、降级或删除当前登录的账号', 'You cannot deactivate, demote or delete the account you are logged in with'],
  LAST_ADMIN: [409, '至少须保留一个启用的管理员账号', 'At least one active admin account must remain'],
  FORBIDDEN: [403, '无权执行此操作', 'You are not allowed to do this'],
  UNAUTHENTICATED: [401, '请先登录或配对设备', 'Log in or pair this device first'],
  BAD_CREDENTIALS: [401, '工号或密码错误', 'Wrong staff number or password'],
  ACCOUNT_DEACTIVATED: [403, '该账号已停用，请联系管理员重新启用', 'This account has been deactivated; ask an admin to reactivate it'],
  BAD_PAIRING_CODE: [403, '配对码无效或已过期', 'The pairing code is wrong, used or expired'],
  NOT_RATEABLE: [409, '本次办理尚未办结，暂不能评价', 'This visit is not finished yet, so it cannot be rated'],
  ALREADY_RATED: [409, '本次办理已评价，每次办理只能评价一次', 'This visit has been rated already; one rating per visit'],
  FIX_ALREADY_RATED: [409, '整改结果已评价，每个差评跟进只能评价一次', 'The fix has been rated already; one rating per follow-up case'],
  RATING_CLOSED: [409, '评价时间已过', 'The time to rate this visit has passed'],
  RATING_REASON_REQUIRED: [422, '不满意评价请选择原因', 'A bad rating needs a reason'],
  RATING_COMMENT_REQUIRED: [422, '选择“其他”原因时请填写具体说明', 'Choosing "other" needs a few words'],
  FOLLOW_UP_TRANSITION: [409, '差评跟进单当前为“{stateZh}”，不能{actionZh}', 'The follow-up case is {stateEn}; cannot {actionEn}'],
  APPEAL_SELF_DECIDE: [409, '申诉人不能自行裁定申诉', 'Whoever appealed cannot decide the appeal'],
  NOTE_REQUIRED: [422, '请填写{actionZh}说明', 'Please add a note to {actionEn}'],
  BAD_PERIOD: [422, '统计区间无效：{reasonZh}', 'Invalid period: {reasonEn}'],
  BAD_FILTER: [422, '筛选条件无效：{reasonZh}', 'Invalid filter: {reasonEn}'],
  PERSON_IN_QUEUE: [409, '该人员仍在当前排队数据中（今日或昨日的票号、未到期的预约），请在其预约结束、闭厅日终后再删除', 'This person is still in the live queue (tickets of today or yesterday, or an appointment to come); erase after it is over and the hall day has closed'],
} as const satisfies Record<string, readonly [DomainError['status'], string, string]>;

export type ErrorCode = keyof typeof catalog;

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function domainError(code: ErrorCode, params: Record<string, unknown> = {}): DomainError {
  const [status, zh, en] = catalog[code];
  const hasDetails = Object.keys(params).length > 0;
  return { ok: false, code, status, message: { zh: fill(zh, params), en: fill(en, params) }, ...(hasDetails ? { details: params } : {}) };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as DomainError).ok === false && 'code' in value;
}

const stateNames: Record<string, string> = {
  waiting: '等候中', called: '已呼叫', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '已取消',
  transferred: '已转移', closed: '未开放', open: '开放', paused: '暂停',
  booked: '已预约', checked_in: '已签到', missed: '已失约',
};
const stateNamesEn: Record<string, string> = {
  waiting: 'waiting', called: 'called', serving: 'being served', done: 'done', no_show: 'a no-show', cancelled: 'cancelled',
  transferred: 'transferred', booked: 'booked', checked_in: 'checked in', missed: 'missed',
};
const actionNames: Record<string, [string, string]> = {
  call: ['呼叫', 'call it'], recall: ['重呼', 'recall it'], start: ['开始办理', 'start serving it'],
  finish: ['结束办理', 'finish it'], noShow: ['标记过号', 'mark it no-show'], requeue: ['顺延', 're-queue it'],
  transfer: ['转移', 'transfer it'], cancel: ['取消', 'cancel it'], checkIn: ['签到', 'check it in'],
  caseNumber: ['登记办件编号', 'record a case number for it'],
};

const transitionSubjects = { ticket: ['票号', 'The ticket'], appointment: ['预约', 'The appointment'] } as const;

/** A refused transition always names the state the ticket (or appointment) is in. */
export function invalidTransition(state: string, action: keyof typeof actionNames, extra: Record<string, unknown> = {},
  subject: keyof typeof transitionSubjects = 'ticket'): DomainError {
  const [actionZh, actionEn] = actionNames[action];
  const [whatZh, whatEn] = transitionSubjects[subject];
  return domainError('INVALID_TRANSITION', { state, stateZh: stateNames[state] ?? state, stateEn: stateNamesEn[state] ?? state, action: actionEn, actionZh, whatZh, whatEn, ...extra });
}

export function windowBusy(number: string, state: string): DomainError {
  return domainError('WINDOW_BUSY', { number, state, stateZh: stateNames[state] ?? state, stateEn: stateNamesEn[state] ?? state });
}

const things = {
  ticket: ['票号', 'Ticket'], window: ['窗口', 'Window'], service: ['业务', 'Service'], area: ['区域', 'Area'],
  staff: ['工作人员', 'Staff member'], priorityClass: ['优先类别', 'Priority class'], appointment: ['预约', 'Appointment'],
  device: ['设备', 'Device'],
  rating: ['评价', 'Rating'], followUp: ['差评跟进单', 'Follow-up case'],
} as const;
export type Thing = keyof typeof things;

export function notFound(thing: Thing, id?: unknown): DomainError {
  const [whatZh, whatEn] = things[thing];
  return domainError('NOT_FOUND', { whatZh, whatEn, id });
}

export function thingError(code: 'IN_USE' | 'INVALID_REFERENCE', thing: Thing, extra: Record<string, unknown> = {}): DomainError {
  const [whatZh, whatEn] = things[thing];
  return domainError(code, { whatZh, whatEn, ...extra });
}
