import type { ErrorBody } from './i18n.js';

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ErrorBody };

const offline: ErrorBody = { code: 'OFFLINE', message: { zh: '无法连接服务器，请稍后再试', en: 'Cannot reach the hall server; please try again' } };

/**
 * The screens' side of the HTTP API: JSON in, JSON out, and every failure as the server's ErrorBody (code + zh + en),
 * so a screen always has words to show. Cookies ride along for staff; devices pass their token.
 */
export async function apiCall<T = unknown>(method: string, path: string, options: { body?: unknown; token?: string | null } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    return { ok: false, status: 0, error: offline };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    return { ok: false, status: res.status, error: offline };
  }
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const error = json && typeof json === 'object' && 'code' in json ? (json as ErrorBody) : { code: `HTTP_${res.status}`, message: { zh: '请求失败', en: `Request failed (${res.status})` } };
  return { ok: false, status: res.status, error };
}
