import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import { nameLimits, type HallSettings } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice, SavedNotice } from '../lib/bi.js';
import { ConfirmDialog, type Question } from '../lib/confirm-dialog.js';
import { fieldError, fieldIssues } from '../lib/field-issues.js';
import { CheckField, NumberField, SelectField, TextField, TextPair } from '../lib/fields.js';
import { HoursEditor } from '../lib/hours-editor.js';
import { shownFollowUpDefaults, shownServicePercents } from './settings/feedback-defaults.js';
import { CalendarSettings, holidayBookingsQuestion } from './settings/calendar-settings.js';
import { FeedbackSettings } from './settings/feedback-settings.js';

/** Checks the server makes too, done here first so the refusal points at the field rather than only the form. */
function orderError(s: HallSettings): ErrorBody | null {
  if (s.redWaitMinutes <= s.yellowWaitMinutes) {
    return fieldError('THRESHOLDS', 'redWaitMinutes', '红灯时长须大于黄灯时长', 'The red threshold must be longer than the yellow one');
  }
  if ((s.redServicePercent ?? shownServicePercents.red) <= (s.yellowServicePercent ?? shownServicePercents.yellow)) {
    return fieldError('INVALID_CONFIG', 'redServicePercent', '办理时长红灯须大于黄灯', 'The red handling-time warning must be above the yellow one');
  }
  const followUp = s.followUp ?? shownFollowUpDefaults;
  const both = followUp.holidays.find((d) => followUp.workdays.includes(d));
  if (both) return fieldError('INVALID_CONFIG', 'followUp.workdays', `${both} 不能既是节假日又是调休工作日`, `${both} cannot be both a holiday and a make-up working day`);
  return null;
}

/**
 * The hall's own settings. The form edits the object it loaded and sends all of it back, so settings this page does
 * not show pass through unchanged. The form does not use the browser's own checks (their bubbles follow the browser's
 * language): the server's bilingual refusal is shown under the field it names, and nothing is saved.
 */
export function SettingsPage() {
  const [value, setValue] = useState<HallSettings | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [savedValue, setSavedValue] = useState<HallSettings | null>(null);
  // The settings as the hall holds them: a holiday is new, and its bookings worth a question, against these.
  const [stored, setStored] = useState<HallSettings | null>(null);
  const [asking, setAsking] = useState<Question | null>(null);

  useEffect(() => {
    void apiCall<HallSettings>('GET', '/api/settings').then((r) => {
      if (!r.ok) return setError(r.error);
      setValue(r.data);
      setStored(r.data);
    });
  }, []);
  if (!value) return <section class="panel"><ErrorNotice error={error} /></section>;

  const set = <K extends keyof HallSettings>(k: K, v: HallSettings[K]) => setValue({ ...value, [k]: v });
  const rule = value.priorityRule;
  const issues = fieldIssues(error);
  const put = async () => {
    const res = await apiCall<HallSettings>('PUT', '/api/settings', { body: value });
    if (!res.ok) return setError(res.error);
    setError(null);
    setValue(res.data);
    setSavedValue(res.data);
    setStored(res.data);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const local = orderError(value);
    if (local) return setError(local);
    const check = await holidayBookingsQuestion(stored ?? value, value);
    if (!check.ok) return setError(check.error);
    if (check.question) return setAsking(check.question);
    await put();
  };

  return (
    <form class="panel settings" onSubmit={save} noValidate data-testid="admin-settings-form">
      <header class="panel-head"><h2><Bi zh="大厅设置" en="Hall settings" inline /></h2></header>
      <div class="settings-grid">
        <fieldset class="group">
          <legend><Bi zh="大厅" en="Hall" inline /></legend>
          <TextPair zh="名称" en="Name" testid="settings-name" value={value.name} onChange={(v) => set('name', v)} max={nameLimits.hall} />
          <TextPair zh="公告（大屏滚动）" en="Notice (scrolls on the boards)" testid="settings-notice" multiline value={value.notice} onChange={(v) => set('notice', v)}
            max={nameLimits.notice} />
          <TextField zh="时区" en="Time zone" testid="settings-tz" value={value.timeZone} onChange={(v) => set('timeZone', v)} required
            issue={issues.get('timeZone')} />
        </fieldset>
        <fieldset class="group">
          <legend><Bi zh="办公时间" en="Opening hours" inline /></legend>
          <HoursEditor testid="settings-hours" value={value.hours} onChange={(v) => set('hours', v)} />
        </fieldset>
        <fieldset class="group">
          <legend><Bi zh="叫号规则" en="Calling rules" inline /></legend>
          <SelectField zh="优先号规则" en="Priority rule" testid="settings-priority-mode" value={rule.mode}
            options={[{ value: 'strict', zh: '严格优先', en: 'Strict' }, { value: 'ratio', zh: '按比例（P 个优先 / N 个普通）', en: 'P per N' }]}
            onChange={(m) => set('priorityRule', m === 'strict' ? { mode: 'strict' } : { mode: 'ratio', priority: 1, normal: 2 })} />
          {rule.mode === 'ratio' && (
            <div class="form-row">
              <NumberField zh="优先号 P" en="Priority P" testid="settings-ratio-p" value={rule.priority} min={1} max={20}
                onChange={(v) => set('priorityRule', { ...rule, priority: v ?? 1 })} />
              <NumberField zh="普通号 N" en="Normal N" testid="settings-ratio-n" value={rule.normal} min={1} max={20}
                onChange={(v) => set('priorityRule', { ...rule, normal: v ?? 2 })} />
            </div>
          )}
          <div class="form-row">
            <NumberField zh="过号顺延位数" en="Re-queue places" testid="settings-requeue-offset" value={value.requeueOffset} min={0} max={100}
              onChange={(v) => set('requeueOffset', v ?? 3)} issue={issues.get('requeueOffset')} />
            <NumberField zh="最多顺延次数" en="Max re-queues" testid="settings-max-requeues" value={value.maxRequeues} min={0} max={10}
              onChange={(v) => set('maxRequeues', v ?? 2)} issue={issues.get('maxRequeues')} />
          </div>
          <CheckField zh="每人每项业务只能持有一个有效号" en="One active ticket per person per service" testid="settings-one-per-person"
            value={value.onePerPersonPerService} onChange={(v) => set('onePerPersonPerService', v)} />
        </fieldset>
        <fieldset class="group">
          <legend><Bi zh="等候预警" en="Wait warnings" inline /></legend>
          <div class="form-row">
            <NumberField zh="黄灯（分钟）" en="Yellow (min)" testid="settings-yellow" value={value.yellowWaitMinutes} min={1} max={600}
              onChange={(v) => set('yellowWaitMinutes', v ?? 20)} issue={issues.get('yellowWaitMinutes')} />
            <NumberField zh="红灯（分钟）" en="Red (min)" testid="settings-red" value={value.redWaitMinutes} min={1} max={600}
              onChange={(v) => set('redWaitMinutes', v ?? 40)} issue={issues.get('redWaitMinutes')} hint={{ zh: '超过红灯的号优先于协办业务叫出', en: 'past red, a ticket is called ahead of tiers' }} />
          </div>
        </fieldset>
        <FeedbackSettings value={value} set={set} issues={issues} />
        <CalendarSettings value={value} set={set} issues={issues} />
      </div>
      <footer class="form-foot">
        <ErrorNotice error={error} />
        <SavedNotice show={savedValue !== null && savedValue === value} />
        <div class="form-buttons">
          <button type="submit" class="btn btn-primary" data-testid="admin-settings-save"><Bi zh="保存" en="Save" inline /></button>
        </div>
      </footer>
      {asking && (
        <ConfirmDialog question={asking} onAnswer={(yes) => {
          setAsking(null);
          if (yes) void put();
        }} />
      )}
    </form>
  );
}
