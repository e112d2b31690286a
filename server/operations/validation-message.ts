import type { z } from 'zod';

/**
 * A refused request body in words an admin reads: the field by its name on the screens, in Chinese and in English,
 * and why. The dotted path (body.hours.sessions.0.start) stays in details.issues for integrators.
 */
type Words = readonly [zh: string, en: string];

const fieldWords: Record<string, Words> = {
  code: ['编码', 'code'], name: ['名称', 'name'], active: ['启用状态', 'active'], areaId: ['区域', 'area'], prefix: ['票号前缀', 'ticket prefix'],
  hours: ['办理时间', 'hours'], days: ['星期', 'weekdays'], sessions: ['时段', 'sessions'], start: ['开始时间', 'start'], end: ['结束时间', 'end'],
  dailyQuota: ['每日限号', 'daily quota'], slotQuotas: ['分时段限号', 'time-slot quotas'], limit: ['限号数', 'limit'],
  defaultHandlingMinutes: ['平均办理时长', 'handling minutes'], idRequired: ['须实名', 'ID required'], onlineAllowed: ['网上取号', 'online tickets'],
  appointmentSlotMinutes: ['预约时段长度', 'appointment slot minutes'], appointmentsPerSlot: ['每时段预约数', 'appointments per slot'],
  number: ['号码', 'number'], comprehensive: ['综合窗口', 'comprehensive'], services: ['业务', 'services'], serviceId: ['业务', 'service'],
  tier: ['层级', 'tier'], priorityRule: ['优先规则', 'priority rule'], ledAddress: ['LED 地址', 'LED address'], role: ['角色', 'role'],
  supervisorId: ['上级', 'supervisor'], password: ['密码', 'password'], kind: ['类型', 'kind'], minAge: ['最低年龄', 'minimum age'],
  timeZone: ['时区', 'time zone'], requeueOffset: ['过号顺延位数', 're-queue offset'], maxRequeues: ['最多顺延次数', 'maximum re-queues'],
  yellowWaitMinutes: ['黄色预警等候时长', 'yellow wait minutes'], redWaitMinutes: ['红色预警等候时长', 'red wait minutes'],
  yellowServicePercent: ['黄色预警办理时长', 'yellow service percent'], redServicePercent: ['红色预警办理时长', 'red service percent'],
  onePerPersonPerService: ['每人每业务限一号', 'one ticket per person per service'], notice: ['公告', 'notice'],
  rating: ['评价设置', 'rating settings'], padTimeoutSeconds: ['评价屏等待时长', 'rating screen timeout'], phoneRatingHours: ['手机评价时限', 'phone rating hours'],
  followUp: ['差评跟进', 'follow-up'], contactHours: ['回访时限', 'contact hours'], rectifyWorkingDays: ['整改工作日', 'rectification working days'],
  holidays: ['节假日', 'holidays'], workdays: ['调休工作日', 'make-up working days'], appointmentDaysAhead: ['可提前预约天数', 'booking days ahead'], mode: ['模式', 'mode'], priority: ['优先', 'priority'], normal: ['普通', 'normal'],
  identity: ['身份信息', 'identity'], idNumber: ['身份证号', 'ID number'], staffNumber: ['工号', 'staff number'], windowId: ['窗口', 'window'],
  ticketId: ['票号', 'ticket'], date: ['日期', 'date'], slotStart: ['预约时段', 'slot'], status: ['状态', 'status'], reason: ['原因', 'reason'],
  id: ['编号', 'id'], from: ['开始日期', 'from'], to: ['结束日期', 'to'], by: ['统计维度', 'breakdown'], level: ['评价等级', 'level'],
  comment: ['说明', 'comment'], note: ['说明', 'note'], cardToken: ['身份证读取记录', 'card reading'], limitDays: ['天数', 'days'],
  staffId: ['操作人', 'operator'], ticketNumber: ['票号', 'ticket number'], before: ['翻页位置', 'page position'],
};
/** The same key names different things on different screens: a window's number is 窗口号, a staff member's 工号. */
const byOperation: { match: RegExp; words: Record<string, Words> }[] = [
  { match: /StaffMember|Staff$/, words: { number: ['工号', 'staff number'], name: ['姓名', 'name'] } },
  { match: /Window$/, words: { number: ['窗口号', 'window number'] } },
];
const languageWords: Record<string, Words> = { zh: ['中文', 'Chinese'], en: ['英文', 'English'] };
const typeWords: Record<string, Words> = {
  string: ['文字', 'text'], number: ['数字', 'a number'], integer: ['整数', 'a whole number'], boolean: ['是或否', 'true or false'],
  object: ['对象', 'an object'], array: ['列表', 'a list'], null: ['空', 'null'],
};

function wordsFor(key: string | number, parent: string | number | undefined, operationId: string): Words {
  if (typeof key === 'number') return [`第${key + 1}项`, `item ${key + 1}`];
  if ((key === 'zh' || key === 'en') && parent !== undefined) return languageWords[key];
  if (key === 'name' && parent === 'identity') return ['姓名', 'name'];
  for (const { match, words } of byOperation) if (match.test(operationId) && words[key]) return words[key];
  return fieldWords[key] ?? [key, key];
}

/** 'hours.sessions.0.start' reads 办理时间·时段·第1项·开始时间 and hours, sessions, item 1, start. */
export function fieldName(path: (string | number)[], operationId: string): { zh: string; en: string } {
  if (path.length === 0) return { zh: '', en: 'the request' };
  const parts = path.map((key, i) => wordsFor(key, path[i - 1], operationId));
  // '名称（中文）' rather than '名称·中文': the language of a name is part of the name's field.
  const join = (lang: 0 | 1, sep: string) => parts.reduce((text, words, i) => {
    if (i === 0) return words[lang];
    const isLanguage = path[i] === 'zh' || path[i] === 'en';
    return isLanguage ? (lang === 0 ? `${text}（${words[0]}）` : `${text} (${words[1]})`) : `${text}${sep}${words[lang]}`;
  }, '');
  return { zh: join(0, '·'), en: join(1, ', ') };
}

/** Why the value was refused, in both languages. */
export function reasonOf(issue: z.ZodIssue): { zh: string; en: string } {
  const split = (message: string) => {
    const [zh, en] = message.split(' | ');
    return en ? { zh, en } : null;
  };
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.received === 'undefined') return { zh: '必须填写', en: 'is required' };
      const [zh, en] = typeWords[issue.expected] ?? [issue.expected, issue.expected];
      return { zh: `应为${zh}`, en: `must be ${en}` };
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.type === 'string') return n <= 1 ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少 ${n} 个字符`, en: `must be at least ${n} characters` };
      if (issue.type === 'array') return { zh: `至少 ${n} 项`, en: `needs at least ${n} item${n === 1 ? '' : 's'}` };
      return issue.inclusive ? { zh: `不能小于 ${n}`, en: `must be at least ${n}` } : { zh: `须大于 ${n}`, en: `must be more than ${n}` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.type === 'string') return { zh: `最多 ${n} 个字`, en: `must be at most ${n} characters` };
      if (issue.type === 'array') return { zh: `最多 ${n} 项`, en: `allows at most ${n} items` };
      return issue.inclusive ? { zh: `不能大于 ${n}`, en: `must be at most ${n}` } : { zh: `须小于 ${n}`, en: `must be less than ${n}` };
    }
    case 'invalid_string':
      return split(issue.message) ?? { zh: `格式不正确（${issue.message}）`, en: `is not in the right form (${issue.message})` };
    case 'invalid_enum_value':
      return { zh: `只能是 ${issue.options.join('、')} 之一`, en: `must be one of ${issue.options.join(', ')}` };
    case 'invalid_literal':
      return { zh: `只能是 ${String(issue.expected)}`, en: `must be ${String(issue.expected)}` };
    case 'unrecognized_keys':
      return { zh: `含有不认识的字段：${issue.keys.join('、')}`, en: `has fields the hall does not know: ${issue.keys.join(', ')}` };
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { zh: '不符合任何一种允许的写法', en: 'matches none of the allowed forms' };
    case 'not_multiple_of':
      return { zh: `须为 ${String(issue.multipleOf)} 的倍数`, en: `must be a multiple of ${String(issue.multipleOf)}` };
    default:
      return split(issue.message) ?? { zh: `不符合要求（${issue.message}）`, en: issue.message };
  }
}

export function validationMessage(issue: z.ZodIssue, operationId: string): { zh: string; en: string } {
  const field = fieldName(issue.path, operationId);
  const reason = reasonOf(issue);
  return { zh: `请求内容不符合要求：${field.zh}${reason.zh}`, en: `Invalid request: ${field.en} ${reason.en}` };
}
