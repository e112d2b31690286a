import { useEffect, useRef } from 'preact/hooks';
import { Bi } from './bi.js';

/** What to ask before a change that takes something out of use: a title, the consequences, the button's words. */
export interface Question {
  title: { zh: string; en: string };
  /** One line each, Chinese first: who is named, what happens to them. */
  lines: { zh: string; en: string }[];
  confirm: { zh: string; en: string };
  /** The safe answer's words, where 取消 would read as the change itself (取消预约). */
  back?: { zh: string; en: string };
}

/**
 * Asks in the page, not with the browser's confirm(): the question names who or what is affected in large type, in
 * both languages, and the safe answer (取消) has the focus, so Enter alone changes nothing.
 */
export function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (yes: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onAnswer(false); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onAnswer]);
  return (
    <div class="modal-backdrop" onClick={(e) => { if (e.target === e.currentTarget) onAnswer(false); }}>
      <div class="modal" role="alertdialog" aria-modal="true" aria-label={`${question.title.zh} ${question.title.en}`} data-testid="admin-confirm">
        <header class="modal-head"><h2><Bi zh={question.title.zh} en={question.title.en} /></h2></header>
        <div class="modal-body">
          {question.lines.map((line) => <p key={line.zh} class="modal-line"><Bi zh={line.zh} en={line.en} /></p>)}
        </div>
        <footer class="modal-foot">
          <button type="button" class="btn" ref={cancel} onClick={() => onAnswer(false)} data-testid="admin-confirm-no"><Bi zh={question.back?.zh ?? '取消'} en={question.back?.en ?? 'Cancel'} inline /></button>
          <button type="button" class="btn btn-danger-solid" onClick={() => onAnswer(true)} data-testid="admin-confirm-yes"><Bi zh={question.confirm.zh} en={question.confirm.en} inline /></button>
        </footer>
      </div>
    </div>
  );
}
