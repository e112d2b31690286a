import type { DayClosedReason } from '../../../protocol/appointments.js';
import type { Text } from '../../../protocol/i18n.js';
import { nextStepFor } from '../shared/error-text.js';

/** Every sentence of the phone's booking pages, Chinese first. */
export const bookingWords = {
  title: { zh: '预约办理', en: 'Book an appointment' },
  homeLink: { zh: '返回首页', en: 'Home' },
  startTitle: { zh: '取号 · 预约', en: 'Tickets and appointments' },
  choiceTake: { zh: '现在取号', en: 'Take a ticket now' },
  choiceTakeHint: { zh: '今天到厅办理，在线排队', en: 'Queue online for today' },
  choiceBook: { zh: '预约', en: 'Book an appointment' },
  choiceBookHint: { zh: '选日期和时段，按时到厅', en: 'Pick a day and a time' },
  myBookings: { zh: '我的预约', en: 'My appointments' },
  step: { zh: '第 {n} 步，共 4 步', en: 'Step {n} of 4' },
  chooseService: { zh: '请选择要预约的业务', en: 'Choose a service' },
  noService: { zh: '目前没有可预约的业务', en: 'No service takes appointments now' },
  chooseDay: { zh: '请选择日期', en: 'Choose a day' },
  daysAhead: { zh: '可预约今天起 {n} 天内', en: 'You can book up to {n} days ahead' },
  chooseSlot: { zh: '请选择时段', en: 'Choose a time' },
  noSlot: { zh: '这一天已没有可预约的时段', en: 'No time is left on this day' },
  today: { zh: '今天', en: 'Today' },
  placesLeft: { zh: '剩余 {n}', en: '{n} places left' },
  full: { zh: '已约满', en: 'Full' },
  dayOver: { zh: '今日时段已过', en: 'No time left today' },
  passedUntil: { zh: '{time} 以前的时段已过', en: 'Times before {time} have passed' },
  holiday: { zh: '节假日休息', en: 'Public holiday' },
  notServiceDay: { zh: '不办理', en: 'Closed' },
  yourDetails: { zh: '请填写预约人信息', en: 'Who is coming' },
  privacy: { zh: '身份信息仅用于实名预约和到厅签到，屏幕上只显示姓氏', en: 'Your identity is used only to book and check in; screens show your family name only' },
  submit: { zh: '确认预约', en: 'Book' },
  submitting: { zh: '正在预约…', en: 'Booking…' },
  booked: { zh: '预约成功', en: 'Booked' },
  code: { zh: '预约码', en: 'Appointment code' },
  howToCheckIn: { zh: '到厅后在取号机用身份证或预约码签到', en: 'Check in at the kiosk with your ID card or this code' },
  arriveWithin: { zh: '请在 {slot} 内到达', en: 'Please arrive between {slot}' },
  keepCode: { zh: '请截图或记下预约码', en: 'Take a screenshot or note the code' },
  cancel: { zh: '取消预约', en: 'Cancel appointment' },
  cancelAsk: { zh: '确定取消 {when} 的预约吗？取消后名额将释放给他人。', en: 'Cancel your appointment on {when}? The place goes to someone else.' },
  cancelYes: { zh: '确定取消', en: 'Yes, cancel' },
  cancelNo: { zh: '保留预约', en: 'Keep it' },
  statusBooked: { zh: '已预约', en: 'Booked' },
  statusCheckedIn: { zh: '已签到', en: 'Checked in' },
  statusCancelled: { zh: '已取消', en: 'Cancelled' },
  statusMissed: { zh: '已失约', en: 'Missed' },
  checkedInNumber: { zh: '已签到，您的号码是 {number}', en: 'Checked in: your number is {number}' },
  followTicket: { zh: '查看排队进度', en: 'Follow my ticket' },
  cancelledNote: { zh: '该预约已取消，如需办理请重新预约或到厅取号', en: 'This appointment is cancelled; book again or take a ticket at the hall' },
  missedNote: { zh: '未在预约时段内签到，预约已失效', en: 'It was not checked in within its time, so it has lapsed' },
  bookAgain: { zh: '重新预约', en: 'Book again' },
  notFound: { zh: '未找到该预约', en: 'Appointment not found' },
  notFoundNext: { zh: '链接可能有误，请到“我的预约”查看或重新预约', en: 'The link may be wrong; see My appointments or book again' },
  factService: { zh: '业务', en: 'Service' },
  factDay: { zh: '日期', en: 'Day' },
  factTime: { zh: '时段', en: 'Time' },
  person: { zh: '预约人', en: 'Name' },
} satisfies Record<string, Text>;

const weekdayZh = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const weekdayEn = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const monthEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '3月12日 周四' / 'Thu 12 Mar': a date as a visitor reads it, with its weekday. */
export function dayText(date: string, weekday: number): Text {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return { zh: `${month}月${day}日 ${weekdayZh[weekday]}`, en: `${weekdayEn[weekday]} ${day} ${monthEn[month - 1]}` };
}

/** The same with the year, for the confirmation a visitor may keep: '2026年3月12日 周四' / 'Thu 12 Mar 2026'. */
export function fullDayText(date: string, weekday: number): Text {
  const short = dayText(date, weekday);
  return { zh: `${date.slice(0, 4)}年${short.zh}`, en: `${short.en} ${date.slice(0, 4)}` };
}

export const slotText = (start: string, end: string) => `${start}–${end}`;

export function closedText(reason: DayClosedReason): Text {
  return reason === 'holiday' ? bookingWords.holiday : bookingWords.notServiceDay;
}

/** What a visitor does after a booking refusal; the server's message says what happened. */
const bookingNextSteps: Record<string, Text> = {
  SLOT_FULL: { zh: '该时段刚被约满，请返回选择其他时段', en: 'Someone took the last place; go back and choose another time' },
  SLOT_PAST: { zh: '请返回选择其他时段', en: 'Please go back and choose a later time' },
  SLOT_INVALID: { zh: '请返回重新选择时段', en: 'Please go back and choose a time again' },
  SLOT_TOO_FAR: { zh: '请返回选择更近的日期', en: 'Please go back and choose an earlier day' },
  HALL_HOLIDAY: { zh: '请返回选择其他日期', en: 'Please go back and choose another day' },
  APPOINTMENTS_OFF: { zh: '请到大厅现场取号', en: 'Please take a ticket at the hall' },
  ALREADY_BOOKED: { zh: '您当天已预约该业务，请在“我的预约”中查看', en: 'You already have a booking that day; see My appointments' },
  INVALID_TRANSITION: { zh: '预约状态已变化，请查看本页最新状态', en: 'The booking has changed; this page shows where it stands now' },
};

export function bookingNextStep(code: string): Text {
  return bookingNextSteps[code] ?? nextStepFor(code);
}
