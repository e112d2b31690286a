import type { Area } from '../../../protocol/config-entities.js';
import type { Text } from '../../../protocol/i18n.js';
import { openingText, type HallService } from './kiosk-api.js';

export interface AreaChoice {
  area: Area;
  waiting: number;
  /** Whether any of its services takes tickets now. */
  openNow: boolean;
  /** When it is closed: the earliest next opening of its services, if any is scheduled. */
  opens: Text | null;
}

/**
 * The areas the first screen offers. An area without a single active service is left out: tapping it would open
 * an empty list. One whose services are all closed now stays, marked closed with when it opens, since its list
 * tells each service's hours.
 */
export function areaChoices(areas: Area[], services: HallService[], hallDay: string): AreaChoice[] {
  return areas.flatMap((area): AreaChoice[] => {
    const own = services.filter((s) => s.areaId === area.id);
    if (own.length === 0) return [];
    const waiting = own.reduce((sum, s) => sum + s.waiting, 0);
    if (own.some((s) => s.opening.open)) return [{ area, waiting, openNow: true, opens: null }];
    const next = own.map((s) => (s.opening.open ? null : s.opening.nextOpening)).filter((o) => o !== null)
      .sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`))[0] ?? null;
    return [{ area, waiting, openNow: false, opens: openingText({ open: false, nextOpening: next }, hallDay) }];
  });
}
