/**
 * The error every driver reports: a stable code to branch on, and a message in Chinese and English so
 * the server can pass it to screens without translating (its shape matches `{ code, message: { zh, en } }`).
 */
export interface BilingualText {
  zh: string;
  en: string;
}

export class DriverError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly text: BilingualText;

  constructor(code: Code, text: BilingualText, options?: { cause?: unknown }) {
    super(`${code}: ${text.en}`, options);
    this.name = 'DriverError';
    this.code = code;
    this.text = text;
  }
}
