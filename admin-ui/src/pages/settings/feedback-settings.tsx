import type { FollowUpSettings, HallSettings, RatingSettings } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';
import type { FieldIssue } from '../../lib/field-issues.js';
import { NumberField } from '../../lib/fields.js';
import { shownFollowUpDefaults, shownRatingDefaults, shownServicePercents } from './feedback-defaults.js';

interface Props {
  value: HallSettings;
  set: <K extends keyof HallSettings>(k: K, v: HallSettings[K]) => void;
  issues: Map<string, FieldIssue>;
}

/** Handling-time warnings, the rating screens and the 好差评 follow-up deadlines (counted on the hall calendar). */
export function FeedbackSettings({ value, set, issues }: Props) {
  const rating = value.rating ?? shownRatingDefaults;
  const followUp = value.followUp ?? shownFollowUpDefaults;
  const setRating = (patch: Partial<RatingSettings>) => set('rating', { ...rating, ...patch });
  const setFollowUp = (patch: Partial<FollowUpSettings>) => set('followUp', { ...followUp, ...patch });
  // An emptied box is sent as 0, so the server's range check names the field rather than the page guessing a value.
  const num = (v: number | null) => v ?? 0;
  return (
    <>
      <fieldset class="group">
        <legend><Bi zh="办理时长预警" en="Handling-time warnings" inline /></legend>
        <div class="form-row">
          <NumberField zh="黄灯（% 标准时长）" en="Yellow (% of usual time)" testid="settings-service-yellow" min={100} max={2000}
            value={value.yellowServicePercent ?? shownServicePercents.yellow} issue={issues.get('yellowServicePercent')}
            onChange={(v) => set('yellowServicePercent', num(v))} />
          <NumberField zh="红灯（% 标准时长）" en="Red (% of usual time)" testid="settings-service-red" min={100} max={2000}
            value={value.redServicePercent ?? shownServicePercents.red} issue={issues.get('redServicePercent')}
            onChange={(v) => set('redServicePercent', num(v))}
            hint={{ zh: '按业务的平均办理时长计算', en: 'of each service\'s usual handling minutes' }} />
        </div>
      </fieldset>
      <fieldset class="group">
        <legend><Bi zh="好差评" en="Ratings" inline /></legend>
        <div class="form-row">
          <NumberField zh="评价屏等待（秒）" en="Rating screen timeout (s)" testid="settings-pad-timeout" min={5} max={600}
            value={rating.padTimeoutSeconds} issue={issues.get('rating.padTimeoutSeconds')}
            onChange={(v) => setRating({ padTimeoutSeconds: num(v) })}
            hint={{ zh: '超时未评视为未评价', en: 'no answer in time records no rating' }} />
          <NumberField zh="手机评价时限（小时）" en="Phone rating window (h)" testid="settings-phone-hours" min={0.5} max={24} step={0.5}
            value={rating.phoneRatingHours} issue={issues.get('rating.phoneRatingHours')}
            onChange={(v) => setRating({ phoneRatingHours: num(v) })}
            hint={{ zh: '办结后，当天内有效', en: 'after the finish, same hall day only' }} />
        </div>
      </fieldset>
      <fieldset class="group group-wide">
        <legend><Bi zh="差评跟进" en="Bad-rating follow-up" inline /></legend>
        <div class="form-row">
          <NumberField zh="回访时限（小时）" en="Call back within (h)" testid="settings-contact-hours" min={0.25} max={168} step={0.25}
            value={followUp.contactHours} issue={issues.get('followUp.contactHours')}
            onChange={(v) => setFollowUp({ contactHours: num(v) })} />
          <NumberField zh="整改时限（工作日）" en="Rectify within (working days)" testid="settings-rectify-days" min={1} max={60}
            value={followUp.rectifyWorkingDays} issue={issues.get('followUp.rectifyWorkingDays')}
            onChange={(v) => setFollowUp({ rectifyWorkingDays: num(v) })}
            hint={{ zh: '自评价次日起算，按大厅日历', en: 'counted after the rating day, on the hall calendar' }} />
        </div>
      </fieldset>
    </>
  );
}
