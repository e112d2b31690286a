import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Modal } from '../desk/dialogs/modal.js';
import { Bi } from '../lib/bi.js';
import type { LiveWindow } from '../lib/live-windows.js';

/**
 * 顶岗: working a colleague's window is a decision, not a side effect of picking it. Taking over makes the window
 * this clerk's (the board shows their name, the visitor at the counter is theirs) and sends the colleague's pad away.
 */
export function TakeOverDialog({ window: w, onTaken, onClose }: { window: LiveWindow; onTaken: () => void; onClose: () => void }) {
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const who = w.staffName ?? '其他工作人员';
  const takeOver = async () => {
    setBusy(true);
    const res = await apiCall('POST', `/api/windows/${w.id}/status`, { body: { status: 'open', takeOver: true } });
    setBusy(false);
    if (res.ok) onTaken();
    else setError(res.error);
  };
  return (
    <Modal zh="接管窗口？" en={`Take over window ${w.number}?`} testid="pad-take-over-dialog" error={error} onClose={onClose}>
      <p class="modal-question">
        <Bi zh={`${w.number}号窗口由 ${who} 值守中，是否接管？`} en={`Take over window ${w.number} from ${w.staffName ?? 'another staff member'}?`} />
      </p>
      <p class="modal-lead">
        <Bi zh={`接管后由您在该窗口办理${w.currentTicket ? `，柜台前的 ${w.currentTicket.number} 计入您的办理` : ''}；${who} 的叫号器将退出该窗口。`}
          en={`You will staff the window${w.currentTicket ? ` and serve ${w.currentTicket.number} at the counter` : ''}; the other pad leaves it.`} />
      </p>
      <button type="button" class="btn btn-primary btn-wide" data-testid="pad-take-over-confirm" disabled={busy} onClick={() => void takeOver()}>
        <Bi zh="接管窗口" en="Take over" />
      </button>
    </Modal>
  );
}
