import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';

/** The server's (or the page's own) refusal: the Chinese sentence large, the English one under it. */
export function Refusal({ error, testid }: { error: ErrorBody | null; testid: string }) {
  if (!error) return null;
  return (
    <div class="refusal" role="alert" data-testid={testid} data-code={error.code}>
      <p class="refusal-message"><Bi text={error.message} /></p>
    </div>
  );
}
