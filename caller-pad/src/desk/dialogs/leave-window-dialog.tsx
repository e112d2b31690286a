import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi } from '../../lib/bi.js';
import { Modal } from './modal.js';

/** Why the clerk leaves the window: signing out, or moving to another window. */
export type LeaveReason = 'signOut' | 'switch';

const words = {
  signOut: {
    title: (n: number) => ({ zh: `退出并关闭${n}号窗口？`, en: `Sign out and close window ${n}?` }),
    busy: { zh: '柜台前还有群众：请先办结或标记过号，再退出登录。', en: 'A visitor is still at the counter: finish or mark them no-show first, then sign out.' },
    confirm: { zh: '关闭窗口并退出', en: 'Close window and sign out' },
    testid: 'pad-sign-out',
  },
  switch: {
    title: (n: number) => ({ zh: `关闭${n}号窗口并更换窗口？`, en: `Close window ${n} and switch?` }),
    busy: { zh: '柜台前还有群众：请先办结或标记过号，再更换窗口。', en: 'A visitor is still at the counter: finish or mark them no-show first, then switch.' },
    confirm: { zh: '关闭窗口并更换', en: 'Close window and switch' },
    testid: 'pad-switch',
  },
} as const;

/**
 * Leaving a window (signing out or switching to another) closes it first, so no window stays open on the board with
 * nobody behind it. The server refuses to close while a visitor is at the counter (WINDOW_BUSY); the clerk deals
 * with them and stays.
 */
export function LeaveWindowDialog({ reason, windowNumber, error, busy, onConfirm, onClose }: {
  reason: LeaveReason; windowNumber: number; error: ErrorBody | null; busy: boolean; onConfirm: () => void; onClose: () => void;
}) {
  const w = words[reason];
  const title = w.title(windowNumber);
  return (
    <Modal zh={title.zh} en={title.en} testid={`${w.testid}-dialog`} error={error} onClose={onClose}>
      <p class="modal-lead">
        <Bi zh="关闭后本窗口不再叫号，大厅屏幕显示为未开放。" en="The window stops calling visitors and shows as closed on the hall board." />
      </p>
      {error?.code === 'WINDOW_BUSY' && (
        <p class="modal-warning" data-testid={`${w.testid}-busy`}><Bi zh={w.busy.zh} en={w.busy.en} /></p>
      )}
      <button type="button" class="btn btn-primary btn-wide" data-testid={`${w.testid}-confirm`} disabled={busy} onClick={onConfirm}>
        <Bi zh={w.confirm.zh} en={w.confirm.en} />
      </button>
    </Modal>
  );
}
