import type { ErrorBody } from '../../../protocol/i18n.js';

/** What is wrong with one field, in both languages, shown under that field. */
export interface FieldIssue { zh: string; en: string }

interface RawIssue { path: string; message: string }

/**
 * The server names the fields it refused in details.issues (body.followUp.holidays.0). Keyed by the path without
 * `body.` and without list positions, so a bad date shows under its list. The first issue is the one the server
 * already put in words for admins (error.message); the others keep the schema's English reason.
 */
export function fieldIssues(error: ErrorBody | null): Map<string, FieldIssue> {
  const found = new Map<string, FieldIssue>();
  const raw = (error?.details?.issues ?? []) as RawIssue[];
  if (!error || !Array.isArray(raw)) return found;
  raw.forEach((issue, i) => {
    const key = issue.path.replace(/^body\./, '').split('.').filter((part) => !/^\d+$/.test(part)).join('.');
    if (found.has(key)) return;
    found.set(key, i === 0 ? error.message : { zh: '此项不符合要求', en: issue.message });
  });
  return found;
}

/** A refusal decided in the page before sending, worded like the server's and pointing at one field. */
export function fieldError(code: string, path: string, zh: string, en: string): ErrorBody {
  return { code, message: { zh, en }, details: { issues: [{ path: `body.${path}`, message: en }] } };
}
