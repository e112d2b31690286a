import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';

export interface Loaded<T> { data: T | null; error: ErrorBody | null; reload: () => Promise<void> }

/** One GET that follows its path (null waits), with a reload; the last good data stays on screen while reloading. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const reload = useCallback(async () => {
    if (!path) return;
    const res = await apiCall<T>('GET', path);
    if (res.ok) {
      setData(res.data);
      setError(null);
    } else setError(res.error);
  }, [path]);
  useEffect(() => { void reload(); }, [reload]);
  return { data, error, reload };
}
