import { newToken } from '../auth/tokens.js';
import type { FullIdentity } from './identity-keys.js';

interface Held { identity: FullIdentity; kioskDeviceId: number | null; expiresAt: number }

/**
 * A card read at a kiosk is held here, in memory only, under a one-time token the kiosk screen passes back when
 * the visitor picks a service: the full ID number never travels through the browser.
 */
export class CardInbox {
  private readonly held = new Map<string, Held>();

  constructor(private readonly clock: () => number, private readonly ttlMs = 120_000) {}

  put(identity: FullIdentity, kioskDeviceId: number | null): string {
    this.sweep();
    const token = newToken();
    this.held.set(token, { identity, kioskDeviceId, expiresAt: this.clock() + this.ttlMs });
    return token;
  }

  /** The identity for a token, if it is still fresh and was read at this kiosk (any kiosk for staff). */
  peek(token: string, kioskDeviceId: number | null): FullIdentity | null {
    const held = this.held.get(token);
    if (!held || held.expiresAt <= this.clock()) return null;
    if (kioskDeviceId !== null && held.kioskDeviceId !== null && held.kioskDeviceId !== kioskDeviceId) return null;
    return held.identity;
  }

  forget(token: string): void {
    this.held.delete(token);
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, held] of this.held) if (held.expiresAt <= now) this.held.delete(token);
  }
}
