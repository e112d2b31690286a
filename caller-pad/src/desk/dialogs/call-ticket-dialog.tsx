import { useState } from 'preact/hooks';
import type { TicketView } from '../../../../protocol/queue-entities.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi } from '../../lib/bi.js';
import { Modal } from './modal.js';

const presets = [
  { zh: '特殊群体优先', en: 'Visitor needing priority' },
  { zh: '预约到场', en: 'Appointment arrived' },
  { zh: '补充材料后返回', en: 'Returned with documents' },
  { zh: '领导交办', en: 'Directed by supervisor' },
];

/** Calling out of order is allowed but never silent: the reason goes into the audit log. */
export function CallTicketDialog({ ticket, error, onCall, onClose }: {
  ticket: TicketView; error: ErrorBody | null; onCall: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal zh={`指定叫号 ${ticket.number}`} en={`Call ${ticket.number} out of order`} testid="pad-call-ticket-dialog" error={error} onClose={onClose}>
      <p class="modal-lead"><Bi zh="请说明原因（记入操作日志）" en="Give the reason (kept in the audit log)" /></p>
      <div class="choice-grid">
        {presets.map((p) => (
          <button key={p.zh} type="button" class={`btn choice-btn ${reason === p.zh ? 'chosen' : ''}`} onClick={() => setReason(p.zh)}>
            <Bi zh={p.zh} en={p.en} />
          </button>
        ))}
      </div>
      <label class="field">
        <Bi zh="原因" en="Reason" inline />
        <input data-testid="pad-call-reason" maxLength={200} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="button" class="btn btn-primary btn-wide" data-testid="pad-call-ticket-confirm" disabled={!trimmed} onClick={() => onCall(trimmed)}>
        <Bi zh="呼叫" en="Call" />
      </button>
    </Modal>
  );
}
