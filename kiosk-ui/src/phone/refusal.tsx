import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';

/** The server's (or the page's own) refusal: the Chinese sentence large, the English one under it, then what to do. */
export function Refusal({ error, testid, next, large }: { error: ErrorBody | null; testid: string; next?: Text; large?: boolean }) {
  if (!error) return null;
  return (
    <div class={large ? 'refusal large' : 'refusal'} role="alert" data-testid={testid} data-code={error.code}>
      <p class="refusal-message"><Bi text={error.message} /></p>
      {next ? <p class="refusal-next"><Bi text={next} /></p> : null}
    </div>
  );
}
