import type { PauseReason, TicketStatus, WindowStatus } from '../../../protocol/queue-entities.js';

type Pair = { zh: string; en: string };

export const ticketStatusName: Record<TicketStatus, Pair> = {
  waiting: { zh: '等候中', en: 'Waiting' },
  called: { zh: '已呼叫', en: 'Called' },
  serving: { zh: '办理中', en: 'Serving' },
  done: { zh: '已办结', en: 'Done' },
  no_show: { zh: '过号', en: 'No-show' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  transferred: { zh: '已转移', en: 'Transferred' },
};

export const windowStatusName: Record<WindowStatus, Pair> = {
  closed: { zh: '未开放', en: 'Closed' },
  open: { zh: '开放中', en: 'Open' },
  paused: { zh: '暂停服务', en: 'Paused' },
};

export const pauseReasonName: Record<PauseReason, Pair> = {
  lunch: { zh: '午休', en: 'Lunch' },
  break: { zh: '休息', en: 'Break' },
  meeting: { zh: '开会', en: 'Meeting' },
  other: { zh: '其他', en: 'Other' },
};
