import type { ErrorBody, Text } from '../../../protocol/i18n.js';

/** Chinese first, English smaller: every label of the admin screens reads this way. */
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

/** The server's refusal in its own words (zh large, en below), so admins read the same reason the API gives. */
export function ErrorNotice({ error, testid = 'admin-error' }: { error: ErrorBody | null; testid?: string }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid={testid} data-code={error.code}>
      <strong>{error.message.zh}</strong>
      <span>{error.message.en}</span>
    </div>
  );
}

export function SavedNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return <div class="notice notice-ok" role="status" data-testid="admin-saved"><strong>已保存</strong><span>Saved</span></div>;
}
