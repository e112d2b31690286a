import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { HallSnapshot } from '../../../protocol/realtime.js';

export type LiveWindow = HallSnapshot['windows'][number];

/** Every active window as it is now (status, who staffs it), by id; null until the first answer. */
export function useLiveWindows(refreshMs = 10_000): Map<number, LiveWindow> | null {
  const [live, setLive] = useState<Map<number, LiveWindow> | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const res = await apiCall<HallSnapshot>('GET', '/api/hall');
      if (!stopped && res.ok) setLive(new Map(res.data.windows.map((w) => [w.id, w])));
    };
    void load();
    // Colleagues open, pause and close windows while this screen is up.
    const timer = setInterval(() => void load(), refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [refreshMs]);
  return live;
}
