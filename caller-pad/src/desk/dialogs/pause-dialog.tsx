import type { PauseReason } from '../../../../protocol/queue-entities.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi } from '../../lib/bi.js';
import { pauseReasonName } from '../../lib/status-names.js';
import { Modal } from './modal.js';

const reasons: PauseReason[] = ['lunch', 'break', 'meeting', 'other'];

/** The reason is kept with the pause for the hall's pause-time statistics. */
export function PauseDialog({ error, onPause, onClose }: { error: ErrorBody | null; onPause: (r: PauseReason) => void; onClose: () => void }) {
  return (
    <Modal zh="暂停服务" en="Pause" testid="pad-pause-dialog" error={error} onClose={onClose}>
      <p class="modal-lead"><Bi zh="请选择暂停原因" en="Choose the reason" /></p>
      <div class="choice-grid">
        {reasons.map((r) => (
          <button key={r} type="button" class="btn choice-btn" data-testid={`pad-pause-${r}`} onClick={() => onPause(r)}>
            <Bi zh={pauseReasonName[r].zh} en={pauseReasonName[r].en} />
          </button>
        ))}
      </div>
    </Modal>
  );
}
