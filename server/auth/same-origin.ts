import type { IncomingHttpHeaders } from 'node:http';

/**
 * Where a browser says a request comes from: the Origin header, else the origin of the Referer; null when the
 * request carries neither. Browsers send Origin on every cross-site POST, PUT, DELETE and WebSocket handshake, so
 * a request with neither comes from a program (a bridge, a script, a test), which has no cookie to abuse.
 */
export function claimedOrigin(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin;
  const referer = headers.referer;
  if (typeof referer !== 'string' || referer === '') return null;
  try {
    return new URL(referer).origin;
  } catch {
    // A Referer that is no URL is nobody's page: treat it as an origin that matches nothing.
    return 'null';
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether a browser request comes from the hall's own pages: its origin names the host the request was sent to, or
 * one of the trusted origins (publicUrl, allowedOrigins). Only the host is compared, so a TLS-terminating proxy in
 * front of the hall does not turn https pages into strangers. "null" (sandboxed frames, privacy redirects) matches
 * nothing.
 */
export function fromOwnPages(headers: IncomingHttpHeaders, trustedOrigins: readonly string[]): boolean {
  const origin = claimedOrigin(headers);
  if (origin === null) return true;
  if (origin === 'null') return false;
  const host = typeof headers.host === 'string' ? hostOf(`http://${headers.host}`) : null;
  const claimed = hostOf(origin);
  if (claimed === null) return false;
  if (host !== null && claimed === host) return true;
  return trustedOrigins.some((t) => hostOf(t) === claimed && new URL(t).protocol === new URL(origin).protocol);
}
