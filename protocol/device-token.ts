/**
 * How a paired screen (kiosk, board, rating pad) keeps its device token: it arrives once in the address
 * (?token=...), is kept in localStorage under the screen's own key, and is taken out of the address bar so it does
 * not linger in history or on a photo of the screen.
 */
export class DeviceTokenStore {
  constructor(private readonly key: string) {}

  take(): string | null {
    const url = new URL(location.href);
    const given = url.searchParams.get('token');
    if (given) {
      localStorage.setItem(this.key, given);
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }
    return localStorage.getItem(this.key);
  }

  save(token: string): void {
    localStorage.setItem(this.key, token);
  }

  forget(): void {
    localStorage.removeItem(this.key);
  }
}
