import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Text } from '../../../protocol/i18n.js';

export type Lang = 'zh' | 'en';

/** The language the visitor chose; the other language is still shown, smaller, under it. */
export const LangContext = createContext<Lang>('zh');

export function useLang(): Lang {
  return useContext(LangContext);
}

/** Picks the visitor's language from a pair, for places that take plain text (aria-label, document.title). */
export function pick(text: Text, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.zh;
}

const unbreakable = /(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)/;

/** Dates and times in a sentence stay on one line: "2025-03-02 08:30" must not break at a hyphen. */
function keepTogether(text: string) {
  const parts = text.split(unbreakable);
  return parts.length === 1 ? text : parts.map((p, i) => (i % 2 === 1 ? <span key={i} class="nobreak">{p}</span> : p));
}

/** Both words of a pair: the chosen language first and large, the other one below and smaller. */
export function Bi({ text, class: cls }: { text: Text; class?: string }) {
  const lang = useLang();
  const first = lang === 'en' && text.en ? 'en' : 'zh';
  const second = first === 'zh' ? 'en' : 'zh';
  return (
    <span class={cls ? `bi ${cls}` : 'bi'}>
      <span class="bi-main" lang={first === 'zh' ? 'zh-CN' : 'en'}>{keepTogether(text[first])}</span>
      {text[second] ? <span class="bi-sub" lang={second === 'zh' ? 'zh-CN' : 'en'}>{keepTogether(text[second])}</span> : null}
    </span>
  );
}

/** Fills {name} placeholders in both languages at once. */
export function fill(text: Text, values: Record<string, string | number>): Text {
  const put = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  return { zh: put(text.zh), en: put(text.en) };
}
