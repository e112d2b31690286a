import type { ErrorBody, Text } from '../../../protocol/i18n.js';

/** Chinese first, English smaller beneath or beside: every label on the pad reads this way. */
export function Bi({ zh, en, inline = false }: { zh: string; en: string; inline?: boolean }) {
  return (
    <span class={inline ? 'bi bi-inline' : 'bi'}>
      <span class="zh" lang="zh-CN">{zh}</span>
      <span class="en" lang="en">{en}</span>
    </span>
  );
}

export function BiText({ text, inline }: { text: Text; inline?: boolean }) {
  return <Bi zh={text.zh} en={text.en} inline={inline} />;
}

/** The server's own words for a refusal, so staff read the same message every screen shows. */
export function ErrorNotice({ error, onClose }: { error: ErrorBody | null; onClose?: () => void }) {
  if (!error) return null;
  return (
    <div class="error-notice" role="alert" data-testid="pad-error" data-code={error.code}>
      <div class="error-text">
        <strong class="zh">{error.message.zh}</strong>
        <span class="en">{error.message.en}</span>
      </div>
      {onClose && (
        <button type="button" class="error-close" onClick={onClose} aria-label="关闭 Close">×</button>
      )}
    </div>
  );
}
