import type { ErrorBody } from '../../protocol/i18n.js';

export interface LoginThrottleOptions { failuresPerStaff: number; failuresPerAddress: number; windowMinutes: number }

/** Failure times per key, newest last; only as many as the limit are kept, since older ones cannot matter. */
class FailureLog {
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** When the key may try again, or null when it may now. */
  blockedUntil(key: string, now: number): number | null {
    const times = this.recent(key, now);
    return times.length >= this.limit ? times[times.length - this.limit] + this.windowMs : null;
  }

  add(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    if (times.length > this.limit) times.shift();
    this.byKey.set(key, times);
    // Guessed staff numbers make new keys; forget the stale ones before they pile up.
    if (this.byKey.size > 10_000) for (const k of [...this.byKey.keys()]) if (this.recent(k, now).length === 0) this.byKey.delete(k);
  }

  clear(key: string): void {
    this.byKey.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.byKey.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.byKey.delete(key);
    return times;
  }
}

/**
 * Slows password guessing: after too many failed logins for one staff number, or from one address, within the
 * window, logins answer 429 until the oldest counted failure leaves the window. The password is not even checked
 * meanwhile, so a guess made while throttled tells nothing. A success clears its staff number's count only, so a
 * guesser cannot wipe the address count by logging in to an account of their own.
 */
export class LoginThrottle {
  private readonly staff: FailureLog;
  private readonly addresses: FailureLog;

  constructor(options: LoginThrottleOptions) {
    const windowMs = options.windowMinutes * 60_000;
    this.staff = new FailureLog(options.failuresPerStaff, windowMs);
    this.addresses = new FailureLog(options.failuresPerAddress, windowMs);
  }

  /** The refusal to answer now, or null when this attempt may go ahead. */
  refusal(staffNumber: string | null, address: string, now: number): { retryAfterSeconds: number; error: ErrorBody } | null {
    const until = Math.max(
      (staffNumber !== null ? this.staff.blockedUntil(staffNumber, now) : null) ?? 0,
      this.addresses.blockedUntil(address, now) ?? 0,
    );
    if (until <= now) return null;
    const retryAfterSeconds = Math.ceil((until - now) / 1000);
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return {
      retryAfterSeconds,
      error: {
        code: 'LOGIN_THROTTLED',
        message: { zh: `登录失败次数过多，请 ${minutes} 分钟后再试`, en: `Too many failed logins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}` },
        details: { retryAfterSeconds },
      },
    };
  }

  failed(staffNumber: string | null, address: string, now: number): void {
    if (staffNumber !== null) this.staff.add(staffNumber, now);
    this.addresses.add(address, now);
  }

  succeeded(staffNumber: string): void {
    this.staff.clear(staffNumber);
  }
}

/** The staff number a login body names, when it is one a login could be for. */
export function staffNumberOf(body: unknown): string | null {
  const n = body && typeof body === 'object' ? (body as { staffNumber?: unknown }).staffNumber : undefined;
  return typeof n === 'string' && n.length > 0 && n.length <= 32 ? n : null;
}
