import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';
import { nextStepFor } from '../shared/error-text.js';
import type { HallService } from '../shared/public-api.js';
import { idNumberProblem, nameProblem } from './id-check.js';
import { words } from './phone-words.js';

/** What the form says where it serves another purpose than taking a ticket (booking an appointment). */
export interface IdentityFormWords { submit: Text; submitting: Text; privacy: Text }

/**
 * Name and ID number for a real-name online ticket or booking. The check digit is verified here so a typo is caught
 * before anything is sent; the server verifies it again.
 */
export function IdentityForm({ service, onSubmit, onBack, formWords, nextStep = nextStepFor, children }: {
  service: HallService;
  onSubmit: (identity: { name: string; idNumber: string }) => Promise<ErrorBody | null>;
  onBack: () => void;
  formWords?: IdentityFormWords;
  /** What to do after a refusal, by its code. */
  nextStep?: (code: string) => Text;
  /** Shown under the title: what is being asked for (the chosen day and time). */
  children?: ComponentChildren;
}) {
  const said = formWords ?? { submit: words.submit, submitting: words.submitting, privacy: words.privacy };
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [shown, setShown] = useState<{ name: Text | null; id: Text | null }>({ name: null, id: null });
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  // A shown error follows the typing and goes as soon as the field is right. Nothing is checked when a field loses
  // focus: an error put in above the button then would move the button from under the finger pressing it.
  const typeName = (value: string) => {
    setName(value);
    setShown((s) => (s.name ? { ...s, name: nameProblem(value) } : s));
  };
  // A whole ID number is checked as the last character goes in, before the visitor reaches for the button.
  const typeId = (value: string) => {
    setIdNumber(value);
    setShown((s) => ({ ...s, id: value.trim().length === 18 ? idNumberProblem(value) : null }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = { name: nameProblem(name), id: idNumberProblem(idNumber) };
    setShown(problems);
    setRefusal(null);
    if (problems.name || problems.id) return;
    setBusy(true);
    const refused = await onSubmit({ name: name.trim(), idNumber: idNumber.trim().toUpperCase() });
    setBusy(false);
    setRefusal(refused);
  };

  return (
    <form class="panel identity-form" onSubmit={submit} noValidate aria-labelledby="form-title">
      <h2 id="form-title" class="panel-title"><Bi text={service.name} /></h2>
      {children}
      <div class="field">
        <label for="visitor-name"><Bi text={words.name} /></label>
        <input id="visitor-name" name="name" autocomplete="name" maxLength={40} value={name} data-testid="phone-name"
          aria-invalid={shown.name ? 'true' : 'false'} aria-describedby={shown.name ? 'name-problem' : undefined}
          onInput={(e) => typeName((e.target as HTMLInputElement).value)} />
        {shown.name ? <p id="name-problem" class="field-problem" role="alert"><Bi text={shown.name} /></p> : null}
      </div>
      <div class="field">
        <label for="visitor-id"><Bi text={words.idNumber} /></label>
        <input id="visitor-id" name="idNumber" autocomplete="off" spellcheck={false} maxLength={18} value={idNumber} data-testid="phone-id-number"
          aria-invalid={shown.id ? 'true' : 'false'} aria-describedby={shown.id ? 'id-problem id-hint' : 'id-hint'}
          onInput={(e) => typeId((e.target as HTMLInputElement).value)} />
        <p id="id-hint" class="field-hint"><Bi text={words.idHint} /></p>
        {shown.id ? <p id="id-problem" class="field-problem" role="alert" data-testid="phone-id-problem"><Bi text={shown.id} /></p> : null}
      </div>
      <p class="privacy"><Bi text={said.privacy} /></p>
      {refusal ? (
        <div class="refusal" role="alert" data-testid="phone-refusal" data-code={refusal.code}>
          <p class="refusal-message"><Bi text={refusal.message} /></p>
          <p class="refusal-next"><Bi text={nextStep(refusal.code)} /></p>
        </div>
      ) : null}
      <div class="form-actions">
        <button type="button" class="button" onClick={onBack}><Bi text={words.back} /></button>
        <button type="submit" class="button primary" disabled={busy} data-testid="phone-submit"><Bi text={busy ? said.submitting : said.submit} /></button>
      </div>
    </form>
  );
}
