import { apiCall } from '../../../../protocol/api-client.js';
import type { StandingBookings } from '../../../../protocol/appointments.js';
import type { FollowUpSettings, HallSettings } from '../../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi } from '../../lib/bi.js';
import type { Question } from '../../lib/confirm-dialog.js';
import { DateListField } from '../../lib/date-list-field.js';
import type { FieldIssue } from '../../lib/field-issues.js';
import { NumberField } from '../../lib/fields.js';
import { dayName } from '../appointments/appointment-words.js';
import { shownAppointmentDaysAhead, shownFollowUpDefaults } from './feedback-defaults.js';

interface Props {
  value: HallSettings;
  set: <K extends keyof HallSettings>(k: K, v: HallSettings[K]) => void;
  issues: Map<string, FieldIssue>;
}

/**
 * The hall's calendar and how far ahead visitors may book. The holiday and make-up day lists are stored with the
 * follow-up settings (where rating deadlines first needed them) and now rule the whole hall: tickets, bookings and
 * deadlines alike.
 */
export function CalendarSettings({ value, set, issues }: Props) {
  const followUp = value.followUp ?? shownFollowUpDefaults;
  const setFollowUp = (patch: Partial<FollowUpSettings>) => set('followUp', { ...followUp, ...patch });
  return (
    <fieldset class="group group-wide" data-testid="settings-calendar">
      <legend><Bi zh="大厅日历与预约" en="Hall calendar and booking" inline /></legend>
      <div class="form-row">
        <NumberField zh="可提前预约天数" en="Book up to (days ahead)" testid="settings-booking-days" min={0} max={60}
          value={value.appointmentDaysAhead ?? shownAppointmentDaysAhead} issue={issues.get('appointmentDaysAhead')}
          onChange={(v) => set('appointmentDaysAhead', v ?? 0)}
          hint={{ zh: '今天算第 0 天；填 0 则不接受预约', en: 'today is day 0; 0 takes no bookings' }} />
      </div>
      <div class="form-row">
        <DateListField zh="节假日（闭厅）" en="Public holidays (hall closed)" testid="settings-holidays" value={followUp.holidays}
          issue={issues.get('followUp.holidays')} onChange={(v) => setFollowUp({ holidays: v })}
          hint={{ zh: '大厅不办理：不取号、不预约，也不计为整改时限的工作日', en: 'hall closed: no tickets, no bookings, not a working day for rating deadlines' }} />
        <DateListField zh="调休上班日（值班日）" en="Make-up working days" testid="settings-workdays" value={followUp.workdays}
          issue={issues.get('followUp.workdays')} onChange={(v) => setFollowUp({ workdays: v })}
          hint={{ zh: '大厅照常办公，按办公时间取号、预约，计为工作日', en: 'the hall works: tickets and bookings in its hours, a working day' }} />
      </div>
    </fieldset>
  );
}

/**
 * Holidays the save adds on which visitors have already booked: the hall saves a holiday whatever is booked (it is a
 * fact), and the bookings stay, so the page asks first, naming each date and how many, and the admin goes ahead or
 * goes back. Null when no new holiday has a booking standing.
 */
export async function holidayBookingsQuestion(before: HallSettings, after: HallSettings): Promise<{ ok: true; question: Question | null } | { ok: false; error: ErrorBody }> {
  const had = new Set((before.followUp ?? shownFollowUpDefaults).holidays);
  const added = (after.followUp ?? shownFollowUpDefaults).holidays.filter((d) => !had.has(d));
  if (added.length === 0) return { ok: true, question: null };
  const res = await apiCall<StandingBookings[]>('GET', `/api/appointments/standing?date=${added.join(',')}`);
  if (!res.ok) return res;
  const booked = res.data.filter((d) => d.booked > 0);
  if (booked.length === 0) return { ok: true, question: null };
  const zh = booked.map((d) => `${dayName(d.date).zh}已有 ${d.booked} 个预约`).join('，');
  const en = booked.map((d) => `${d.booked} booking${d.booked === 1 ? '' : 's'} on ${dayName(d.date).en}`).join(', ');
  return {
    ok: true,
    question: {
      title: { zh: '新增的节假日已有预约', en: 'Visitors have booked the new holidays' },
      lines: [
        { zh: `${zh}：放假后这些预约仍有效，请通知预约人或取消预约`, en: `${en}: they stay booked once the day is a holiday; tell the visitors or cancel the bookings` },
        { zh: '可在“预约管理”中按日期查看预约人并取消预约', en: 'The Appointments page lists them by date, with a cancel button' },
      ],
      confirm: { zh: '仍然保存', en: 'Save anyway' },
      back: { zh: '返回修改', en: 'Back' },
    },
  };
}
