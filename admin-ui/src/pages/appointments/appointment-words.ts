import type { AppointmentStatus } from '../../../../protocol/appointments.js';

type Words = { zh: string; en: string };

/** A booking's state as the hall's staff say it: a booking nobody came for is 已过期未到, not a no-show ticket. */
export const statusNames: Record<AppointmentStatus, Words> = {
  booked: { zh: '已预约', en: 'Booked' },
  checked_in: { zh: '已签到', en: 'Checked in' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  missed: { zh: '已过期未到', en: 'Missed' },
};

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekdaysZh = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const weekdaysEn = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** '2026-10-02' as 10月2日 and 2 Oct: the way a holiday notice names a day. */
export function dayName(date: string): Words {
  const [, month, day] = date.split('-').map(Number);
  return { zh: `${month}月${day}日`, en: `${day} ${monthsEn[month - 1]}` };
}

/** The day with its weekday (ISO, 1 = Monday): 10月2日 星期五, Fri 2 Oct. */
export function dayWithWeekday(date: string, weekday: number): Words {
  const name = dayName(date);
  return { zh: `${name.zh} ${weekdaysZh[weekday - 1]}`, en: `${weekdaysEn[weekday - 1]} ${name.en}` };
}

/** The calendar day `days` after `date` (before, when negative). */
export function shiftDay(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
