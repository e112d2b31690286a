import { useState } from 'preact/hooks';
import { Bi } from './bi.js';
import { IssueText } from './fields.js';

interface Props {
  zh: string; en: string; testid: string;
  value: string[]; onChange: (v: string[]) => void;
  hint?: { zh: string; en: string }; issue?: { zh: string; en: string };
}

/**
 * A list of calendar days (YYYY-MM-DD), e.g. the year's public holidays: picked one at a time with the date input,
 * kept sorted and without repeats so the list reads like the State Council's notice.
 */
export function DateListField({ zh, en, testid, value, onChange, hint, issue }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft) return;
    onChange([...new Set([...value, draft])].sort());
    setDraft('');
  };
  return (
    <div class={issue ? 'field field-invalid' : 'field'} data-testid={testid}>
      <span class="field-label"><Bi zh={zh} en={en} inline /></span>
      <ul class="date-list" data-testid={`${testid}-list`}>
        {value.length === 0 && <li class="date-none"><Bi zh="无" en="None" inline /></li>}
        {value.map((day) => (
          <li key={day} class="date-chip" data-testid={`${testid}-day`}>
            <span>{day}</span>
            <button type="button" class="btn btn-small" aria-label={`删除 ${day} Remove`} data-testid={`${testid}-remove-${day}`}
              onClick={() => onChange(value.filter((d) => d !== day))}>×</button>
          </li>
        ))}
      </ul>
      <div class="date-add">
        <input type="date" data-testid={`${testid}-input`} value={draft} aria-label={`${zh} ${en}`}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
        <button type="button" class="btn" data-testid={`${testid}-add`} onClick={add}><Bi zh="添加" en="Add" inline /></button>
      </div>
      {hint && <span class="field-hint">{hint.zh} · {hint.en}</span>}
      <IssueText issue={issue} testid={testid} />
    </div>
  );
}
