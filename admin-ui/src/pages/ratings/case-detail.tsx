import { useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { ratingLevelNames, type FollowUpAction, type FollowUpView } from '../../../../protocol/ratings.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';
import { FixRating } from './fix-rating.js';
import { needNote, statusNames, stepNames } from './follow-up-words.js';
import { ReasonList } from './reason-list.js';

export interface Names { staff: (id: number | null) => string; window: (id: number | null) => string; service: (id: number) => string }

/** One case: what the visitor said, the deadlines, who did what when, and buttons for the steps allowed next. */
export function CaseDetail({ c, names, timeZone, onChanged }: { c: FollowUpView; names: Names; timeZone: string; onChanged: (c: FollowUpView) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const at = (ms: number | null) => (ms == null ? '—' : formatTime(ms, timeZone, true));
  const act = async (action: FollowUpAction) => {
    if (c.nextSteps.find((s) => s.action === action)?.noteRequired && !note.trim()) return setError({ code: 'NOTE_REQUIRED', message: needNote });
    setBusy(true);
    const res = await apiCall<FollowUpView>('POST', `/api/follow-ups/${c.id}/actions`, { body: { action, ...(note.trim() ? { note: note.trim() } : {}) } });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setNote('');
    onChanged(res.data);
  };
  const steps = c.nextSteps.map((s) => s.action);
  return (
    <section class="panel case" data-testid={`case-detail-${c.id}`}>
      <header class="panel-head">
        <h3><Bi zh={`差评跟进 #${c.id} · ${c.number}`} en="Follow-up case" inline /></h3>
        <span class="state state-on" data-testid="case-status" data-status={c.status}><Bi zh={statusNames[c.status].zh} en={statusNames[c.status].en} inline /></span>
      </header>
      <div class="case-body">
        <dl class="case-facts">
          <dt><Bi zh="评价" en="Rating" /></dt><dd class="bad-level"><Bi zh={ratingLevelNames[c.level].zh} en={ratingLevelNames[c.level].en} inline /></dd>
          <dt><Bi zh="原因" en="Reasons" /></dt><dd><ReasonList reasons={c.reasons} comment={c.comment} /></dd>
          <dt><Bi zh="业务 / 窗口" en="Service / window" /></dt><dd>{names.service(c.serviceId)} · {names.window(c.windowId)}</dd>
          <dt><Bi zh="经办人 / 负责人" en="Served by / owner" /></dt><dd>{names.staff(c.staffId)} · {names.staff(c.assigneeId)}</dd>
          <dt><Bi zh="回访期限" en="Contact by" /></dt>
          <dd>{at(c.contactDueAt)} {c.overdue.contact ? <span class="state state-red"><Bi zh="超期" en="Overdue" inline /></span> : null}</dd>
          <dt><Bi zh="整改期限" en="Rectify by" /></dt>
          <dd>{at(c.rectifyDueAt)} {c.overdue.rectify ? <span class="state state-red"><Bi zh="超期" en="Overdue" inline /></span> : null}</dd>
        </dl>
        <h4><Bi zh="整改满意度" en="Visitor's rating of the fix" inline /></h4>
        <FixRating c={c} names={names} timeZone={timeZone} onChanged={onChanged} />
        <h4><Bi zh="处理记录" en="History" inline /></h4>
        <ol class="case-history" data-testid="case-history">
          {c.history.map((h, i) => (
            <li key={i}>
              <span class="nowrap muted">{at(h.at)}</span>
              <strong><Bi zh={stepNames[h.action].zh} en={stepNames[h.action].en} inline /></strong>
              <span>{h.staffId == null ? '系统 / 群众 System or visitor' : names.staff(h.staffId)}</span>
              {h.note ? <span class="case-note">{h.note}</span> : null}
            </li>
          ))}
        </ol>
        {steps.length > 0 ? (
          <div class="case-actions">
            <label class="field">
              <span class="field-label"><Bi zh="说明" en="Note" inline /></span>
              <textarea rows={2} maxLength={1000} value={note} data-testid="case-note" onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <div class="form-buttons">
              {steps.map((s) => (
                <button key={s} type="button" class="btn btn-primary" disabled={busy} data-testid={`case-action-${s}`} onClick={() => void act(s)}>
                  <Bi zh={stepNames[s].zh} en={stepNames[s].en} inline />
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <ErrorNotice error={error} testid="case-error" />
      </div>
    </section>
  );
}
