import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';

/** A dialog over the desk; Escape or the close button dismisses it, and shortcut keys pause while it is open. */
export function Modal({ zh, en, testid, error, onClose, children }: {
  zh: string; en: string; testid: string; error?: ErrorBody | null; onClose: () => void; children: ComponentChildren;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div class="modal-backdrop" onClick={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div class="modal" role="dialog" aria-modal="true" aria-label={`${zh} ${en}`} data-testid={testid}>
        <header class="modal-head">
          <h2><Bi zh={zh} en={en} inline /></h2>
          <button type="button" class="btn btn-quiet" onClick={onClose} data-testid="pad-dialog-cancel"><Bi zh="取消" en="Cancel" inline /></button>
        </header>
        <div class="modal-body">
          {children}
          <ErrorNotice error={error ?? null} />
        </div>
      </div>
    </div>
  );
}
