import type { Text } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';

/** A refusal as the visitor reads it: what happened, large, and what to do next. */
export interface Problem {
  code: string;
  message: Text;
  next: Text;
  /** The number already held, for ALREADY_HOLDING. */
  number?: string;
}

export function ProblemScreen({ problem, onBack, onHome }: { problem: Problem; onBack: (() => void) | null; onHome: () => void }) {
  return (
    <section class="screen problem" aria-labelledby="problem-title" data-testid="kiosk-problem" data-code={problem.code}>
      <div class="problem-icon" aria-hidden="true">!</div>
      <div role="alert" class="problem-alert">
        <h1 id="problem-title" class="problem-message"><Bi text={problem.message} /></h1>
      </div>
      {problem.number ? (
        <p class="problem-number"><Bi text={words.heldNumber} class="problem-number-label" /><span class="held-number">{problem.number}</span></p>
      ) : null}
      <div class="problem-next">
        <span class="problem-next-label"><Bi text={words.whatNext} /></span>
        <p class="problem-next-text"><Bi text={problem.next} /></p>
      </div>
      <div class="bottom-actions">
        {onBack ? <button type="button" class="action" data-testid="kiosk-back" onClick={onBack}><Bi text={words.back} /></button> : null}
        <button type="button" class="action primary" data-testid="kiosk-home" onClick={onHome}><Bi text={words.home} /></button>
      </div>
    </section>
  );
}
