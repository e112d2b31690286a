import type { StatsRow, WindowReportRow } from '../../protocol/stats.js';

export type Cell = string | number | null;

export interface Column<R> { zh: string; en: string; value(row: R): Cell }

/** The columns of every export, in the order halls read them; the figures are the API's, unconverted. */
export const statsColumns: Column<StatsRow>[] = [
  { zh: '分组', en: 'Group', value: (r) => r.label.zh },
  { zh: '取号数', en: 'Tickets', value: (r) => r.tickets },
  { zh: '办结', en: 'Served', value: (r) => r.served },
  { zh: '过号', en: 'No-show', value: (r) => r.noShow },
  { zh: '转移', en: 'Transferred', value: (r) => r.transferred },
  { zh: '取消', en: 'Cancelled', value: (r) => r.cancelled },
  { zh: '平均等候(秒)', en: 'Mean wait (s)', value: (r) => r.waitMeanSec },
  { zh: 'P90等候(秒)', en: 'P90 wait (s)', value: (r) => r.waitP90Sec },
  { zh: '平均办理(秒)', en: 'Mean handling (s)', value: (r) => r.handlingMeanSec },
  { zh: 'P90办理(秒)', en: 'P90 handling (s)', value: (r) => r.handlingP90Sec },
  { zh: '开放(分钟)', en: 'Open (min)', value: (r) => r.openMinutes },
  { zh: '忙碌(分钟)', en: 'Busy (min)', value: (r) => r.busyMinutes },
  { zh: '空闲(分钟)', en: 'Idle (min)', value: (r) => r.idleMinutes },
  { zh: '窗口利用率', en: 'Utilisation', value: (r) => r.utilisation },
  { zh: '午休暂停(分钟)', en: 'Paused: lunch (min)', value: (r) => r.pauseMinutes?.lunch ?? null },
  { zh: '休息暂停(分钟)', en: 'Paused: break (min)', value: (r) => r.pauseMinutes?.break ?? null },
  { zh: '会议暂停(分钟)', en: 'Paused: meeting (min)', value: (r) => r.pauseMinutes?.meeting ?? null },
  { zh: '其他暂停(分钟)', en: 'Paused: other (min)', value: (r) => r.pauseMinutes?.other ?? null },
  { zh: '评价数', en: 'Ratings', value: (r) => r.ratings },
  { zh: '好评', en: 'Good ratings', value: (r) => r.goodRatings },
  { zh: '差评', en: 'Bad ratings', value: (r) => r.badRatings },
  { zh: '好评率', en: 'Good-rating rate', value: (r) => r.goodRate },
  { zh: '差评待回访', en: 'Bad: open', value: (r) => r.followUps.open },
  { zh: '差评已回访', en: 'Bad: contacted', value: (r) => r.followUps.contacted },
  { zh: '差评已整改', en: 'Bad: rectified', value: (r) => r.followUps.rectified },
  { zh: '差评已解释', en: 'Bad: explained', value: (r) => r.followUps.explained },
  { zh: '差评申诉中', en: 'Bad: appealed', value: (r) => r.followUps.appealed },
  { zh: '差评已办结', en: 'Bad: closed', value: (r) => r.followUps.closed },
  { zh: '差评超期', en: 'Bad: overdue', value: (r) => r.followUps.overdue },
  { zh: '预约履约', en: 'Appointments kept', value: (r) => r.appointmentsKept },
  { zh: '预约失约', en: 'Appointments missed', value: (r) => r.appointmentsMissed },
  { zh: '午休值班办理', en: 'Lunch-break service', value: (r) => r.lunchBreakServed },
  { zh: '延时服务办理', en: 'Extended-hours service', value: (r) => r.extendedHoursServed },
];

export const windowReportColumns: Column<WindowReportRow>[] = [
  { zh: '排名', en: 'Rank', value: (r) => r.rank },
  { zh: '窗口号', en: 'Window', value: (r) => r.windowNumber },
  ...statsColumns,
  { zh: '每开放小时办结', en: 'Served per open hour', value: (r) => r.servedPerOpenHour },
];
