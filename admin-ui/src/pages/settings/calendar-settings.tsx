import type { FollowUpSettings, HallSettings } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';
import { DateListField } from '../../lib/date-list-field.js';
import type { FieldIssue } from '../../lib/field-issues.js';
import { NumberField } from '../../lib/fields.js';
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
