import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';

export interface ListState<T> { items: T[]; error: ErrorBody | null; loaded: boolean; reload: () => Promise<void> }

/** A GET list from the API, with a reload for after a save. */
export function useList<T>(path: string): ListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    const res = await apiCall<T[]>('GET', path);
    if (res.ok) {
      setItems(res.data);
      setError(null);
    } else setError(res.error);
    setLoaded(true);
  }, [path]);
  useEffect(() => { void reload(); }, [reload]);
  return { items, error, loaded, reload };
}
