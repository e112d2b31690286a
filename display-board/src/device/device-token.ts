const key = 'hall.board.deviceToken';

/**
 * The board's device token arrives once in the address (?token=...), is kept in localStorage, and is taken out of
 * the address bar so it does not linger in history or on a photo of the wall.
 */
export function takeDeviceToken(): string | null {
  const url = new URL(location.href);
  const given = url.searchParams.get('token');
  if (given) {
    localStorage.setItem(key, given);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return localStorage.getItem(key);
}

export function saveDeviceToken(token: string): void {
  localStorage.setItem(key, token);
}

export function forgetDeviceToken(): void {
  localStorage.removeItem(key);
}
