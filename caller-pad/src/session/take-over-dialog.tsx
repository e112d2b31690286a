import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Modal } from '../desk/dialogs/modal.js';
import { Bi } from '../lib/bi.js';
import type { LiveWindow } from '../lib/live-windows.js';

interface Props {
  window: LiveWindow;
  /** A supervisor or admin may also assist (协助): work the window while the clerk stays its staff. */
  canAssist: boolean;
  onTaken: () => void;
  onAssist: () => void;
  onClose: () => void;
}

/**
 * 顶岗: working a colleague's window is a decision, not a side effect of picking it. Taking over makes the window
 * this clerk's (the board shows their name, the visitor at the counter is theirs) and sends the colleague's pad away.
 * Assisting changes nothing on the server until the supervisor acts, so it needs no request here.
 */
export function TakeOverDialog({ window: w, canAssist, onTaken, onAssist, onClose }: Props) {
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const who = w.staffName ?? '其他工作人员';
  const whoEn = w.staffName ?? 'another staff member';
  const takeOver = async () => {
    setBusy(true);
    const res = await apiCall('POST', `/api/windows/${w.id}/status`, { body: { status: 'open', takeOver: true } });
    setBusy(false);
    if (res.ok) onTaken();
    else setError(res.error);
  };
  return (
    <Modal zh={canAssist ? '协助或接管窗口？' : '接管窗口？'} en={canAssist ? `Assist at or take over window ${w.number}?` : `Take over window ${w.number}?`}
      testid="pad-take-over-dialog" error={error} onClose={onClose}>
      <p class="modal-question">
        {canAssist
          ? <Bi zh={`${w.number}号窗口由 ${who} 值守中，协助还是接管？`} en={`${whoEn} staffs window ${w.number}: assist or take over?`} />
          : <Bi zh={`${w.number}号窗口由 ${who} 值守中，是否接管？`} en={`Take over window ${w.number} from ${whoEn}?`} />}
      </p>
      {canAssist && (
        <>
          <p class="modal-lead">
            <Bi zh={`协助：您在该窗口叫号办理，计入您的办理；窗口仍由 ${who} 值守，其叫号器不退出。`}
              en={`Assist: calls you make count as yours; ${whoEn} still staffs the window and their pad stays.`} />
          </p>
          <button type="button" class="btn btn-primary btn-wide" data-testid="pad-assist-confirm" disabled={busy} onClick={onAssist}>
            <Bi zh="协助" en="Assist" />
          </button>
        </>
      )}
      <p class="modal-lead">
        <Bi zh={`${canAssist ? '接管：' : ''}接管后由您在该窗口办理${w.currentTicket ? `，柜台前的 ${w.currentTicket.number} 计入您的办理` : ''}；${who} 的叫号器将退出该窗口。`}
          en={`${canAssist ? 'Take over: ' : ''}You will staff the window${w.currentTicket ? ` and serve ${w.currentTicket.number} at the counter` : ''}; the other pad leaves it.`} />
      </p>
      <button type="button" class={`btn ${canAssist ? 'btn-amber' : 'btn-primary'} btn-wide`} data-testid="pad-take-over-confirm" disabled={busy} onClick={() => void takeOver()}>
        <Bi zh={canAssist ? '接管' : '接管窗口'} en="Take over" />
      </button>
    </Modal>
  );
}
