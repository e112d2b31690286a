import type { ComponentChildren } from 'preact';
import type { Text } from '../../../protocol/i18n.js';
import { Bi } from './bi.js';

/** `issue`: the server's refusal of this field, shown under it (see field-issues.ts). */
interface Base { zh: string; en: string; testid: string; hint?: { zh: string; en: string }; issue?: { zh: string; en: string } }

function Label({ zh, en, hint, issue, testid, children }: Pick<Base, 'zh' | 'en' | 'hint' | 'issue' | 'testid'> & { children: ComponentChildren }) {
  return (
    <label class={issue ? 'field field-invalid' : 'field'}>
      <span class="field-label"><Bi zh={zh} en={en} inline /></span>
      {children}
      {hint && <span class="field-hint">{hint.zh} · {hint.en}</span>}
      <IssueText issue={issue} testid={testid} />
    </label>
  );
}

/** Under a field: why the server refused it, Chinese first. */
export function IssueText({ issue, testid }: { issue?: { zh: string; en: string }; testid: string }) {
  if (!issue) return null;
  return <span class="field-issue" role="alert" data-testid={`${testid}-issue`}><strong>{issue.zh}</strong> {issue.en}</span>;
}

/**
 * `mismatch`: what the browser says when the text does not match `pattern`, in both languages; without it the
 * browser's own bubble ("Please match the requested format.") follows the browser's language.
 */
export function TextField(p: Base & { value: string; onChange: (v: string) => void; required?: boolean; pattern?: string; maxLength?: number; mismatch?: { zh: string; en: string } }) {
  return (
    <Label {...p}>
      <input type="text" data-testid={p.testid} value={p.value} required={p.required} pattern={p.pattern} maxLength={p.maxLength}
        onInvalid={(e) => { if (p.mismatch && e.currentTarget.validity.patternMismatch) e.currentTarget.setCustomValidity(`${p.mismatch.zh} ${p.mismatch.en}`); }}
        onInput={(e) => {
          e.currentTarget.setCustomValidity('');
          p.onChange(e.currentTarget.value);
        }} />
    </Label>
  );
}

/** A new password: never shown back, required only where the form needs one. */
export function PasswordField(p: Base & { value: string; onChange: (v: string) => void; required?: boolean }) {
  return (
    <Label {...p}>
      <input type="password" autoComplete="new-password" data-testid={p.testid} value={p.value} required={p.required} minLength={8} maxLength={200}
        onInput={(e) => p.onChange(e.currentTarget.value)} />
    </Label>
  );
}

/** A number, or null when the field is left empty and `nullable` (e.g. no daily quota). */
export function NumberField(p: Base & { value: number | null; onChange: (v: number | null) => void; min?: number; max?: number; step?: number; nullable?: boolean }) {
  return (
    <Label {...p}>
      <input type="number" data-testid={p.testid} value={p.value ?? ''} min={p.min} max={p.max} step={p.step ?? 1} required={!p.nullable}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          p.onChange(raw === '' ? (p.nullable ? null : 0) : Number(raw));
        }} />
    </Label>
  );
}

export function CheckField({ zh, en, testid, value, onChange, disabled }: Base & { value: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  return (
    <label class="check">
      <input type="checkbox" data-testid={testid} checked={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <Bi zh={zh} en={en} inline />
    </label>
  );
}

export function SelectField<V extends string | number>(p: Base & { value: V | null; options: { value: V; zh: string; en?: string }[]; onChange: (v: V) => void; placeholder?: boolean }) {
  return (
    <Label {...p}>
      <select data-testid={p.testid} value={p.value === null ? '' : String(p.value)} required
        onChange={(e) => {
          const found = p.options.find((o) => String(o.value) === e.currentTarget.value);
          if (found) p.onChange(found.value);
        }}>
        {(p.placeholder || p.value === null) && <option value="">— 请选择 Choose —</option>}
        {p.options.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.zh}{o.en ? ` ${o.en}` : ''}</option>)}
      </select>
    </Label>
  );
}

/** A name in both languages: Chinese required, English optional but expected; `max` as the server's schema has it. */
export function TextPair({ zh, en, testid, value, onChange, multiline, max = { zh: 200, en: 200 } }: Base & {
  value: Text; onChange: (v: Text) => void; multiline?: boolean; max?: { zh: number; en: number };
}) {
  const input = (lang: 'zh' | 'en') => multiline ? (
    <textarea data-testid={`${testid}-${lang}`} value={value[lang]} maxLength={max[lang]} required={lang === 'zh'} rows={2}
      onInput={(e) => onChange({ ...value, [lang]: e.currentTarget.value })} />
  ) : (
    <input data-testid={`${testid}-${lang}`} value={value[lang]} maxLength={max[lang]} required={lang === 'zh'}
      onInput={(e) => onChange({ ...value, [lang]: e.currentTarget.value })} />
  );
  return (
    <div class="field field-pair">
      <span class="field-label"><Bi zh={zh} en={en} inline /></span>
      <div class="pair">
        <label><span class="pair-lang">中文</span>{input('zh')}</label>
        <label><span class="pair-lang">English</span>{input('en')}</label>
      </div>
    </div>
  );
}
