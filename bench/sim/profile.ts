import { demoServices } from '../../server/seed/demo-data.js';

/** One service's share of the day and how long its cases really take (the hall only knows its configured default). */
export interface ServiceMix {
  code: string;
  share: number;
  meanMinutes: number;
  /** Log-space spread of the lognormal handling time. */
  sigma: number;
  /** Some cases turn out to belong to another service and are transferred there (转办). */
  transfer?: { to: string; rate: number };
}

export interface DayProfile {
  seed: number;
  /** The hall day simulated ('YYYY-MM-DD', a Monday) and the hall's time zone. */
  date: string;
  timeZone: string;
  tickets: number;
  /** Relative arrivals per wall-clock hour; the busiest hour is 3x the quietest (lunch). */
  hours: { hour: number; weight: number }[];
  mix: ServiceMix[];
  /** Windows are sized so that, over the day, they are busy this share of their open time: the peaks queue up. */
  targetUtilisation: number;
  windowsOpenAt: string;
  noShowRate: number;
  /** Share of no-shows who come back and are re-queued at the kiosk (过号顺延). */
  returnRate: number;
  appointmentShare: number;
  declaredPriorityShare: number;
  phoneShare: number;
  /** From the call to the visitor at the counter, seconds. */
  walkUpSeconds: { mean: number; sigma: number };
  /** Between finishing one case and pressing "call next", seconds. */
  turnaroundSeconds: { mean: number; sigma: number };
  /** Lunch in two shifts, half the windows each (HH:MM). */
  lunch: { first: [string, string]; second: [string, string] };
  /** Share of windows that take one short break, and its length in minutes. */
  breaks: { share: number; minutes: [number, number]; between: [string, string] };
}

export const hallDayProfile: DayProfile = {
  seed: 20261123,
  date: '2026-11-23',
  timeZone: 'Asia/Shanghai',
  tickets: 8000,
  hours: [
    { hour: 8, weight: 0.9 }, { hour: 9, weight: 1.5 }, { hour: 10, weight: 1.5 }, { hour: 11, weight: 1.1 },
    { hour: 12, weight: 0.5 }, { hour: 13, weight: 0.7 }, { hour: 14, weight: 1.3 }, { hour: 15, weight: 1.1 }, { hour: 16, weight: 0.6 },
  ],
  // Real handling times differ from the configured defaults (demo-data.ts): the forecast has to learn them.
  mix: [
    { code: 'SB01', share: 0.14, meanMinutes: 6.6, sigma: 0.5, transfer: { to: 'SB02', rate: 0.03 } },
    { code: 'SB02', share: 0.12, meanMinutes: 9.0, sigma: 0.55 },
    { code: 'SB03', share: 0.10, meanMinutes: 4.2, sigma: 0.4 },
    { code: 'BDC01', share: 0.024, meanMinutes: 17, sigma: 0.5 },
    { code: 'BDC02', share: 0.06, meanMinutes: 11, sigma: 0.5 },
    { code: 'BDC03', share: 0.10, meanMinutes: 3.5, sigma: 0.45, transfer: { to: 'BDC02', rate: 0.04 } },
    { code: 'ZH01', share: 0.12, meanMinutes: 7.5, sigma: 0.5 },
    { code: 'ZH02', share: 0.08, meanMinutes: 12, sigma: 0.6 },
    { code: 'ZH03', share: 0.12, meanMinutes: 6.0, sigma: 0.45 },
    { code: 'ZH04', share: 0.136, meanMinutes: 2.5, sigma: 0.6, transfer: { to: 'ZH01', rate: 0.08 } },
  ],
  targetUtilisation: 0.92,
  windowsOpenAt: '07:55',
  noShowRate: 0.04,
  returnRate: 0.4,
  appointmentShare: 0.06,
  declaredPriorityShare: 0.015,
  phoneShare: 0.7,
  walkUpSeconds: { mean: 40, sigma: 0.5 },
  turnaroundSeconds: { mean: 12, sigma: 0.6 },
  lunch: { first: ['11:30', '12:15'], second: ['12:15', '13:00'] },
  breaks: { share: 0.5, minutes: [8, 15], between: ['09:30', '16:00'] },
};

export interface WindowPlan {
  number: number;
  area: string;
  main: string[];
  backup: string[];
  comprehensive: boolean;
  green: boolean;
}

const areaOf = (code: string) => demoServices.find((s) => s.code === code)!.area;

/**
 * Windows sized to the day's load: each service gets main windows (with a sibling service of its area as backup),
 * each area a green-channel window, and the hall two comprehensive windows. Numbers start at 101 so the demo
 * hall's own twelve windows (left closed) keep theirs.
 */
export function planWindows(profile: DayProfile): WindowPlan[] {
  const openMinutes = (profile.hours.length * 60) - 45;
  const overheadMinutes = (profile.walkUpSeconds.mean + profile.turnaroundSeconds.mean) / 60;
  const plans: WindowPlan[] = [];
  let number = 101;
  const areas = [...new Set(profile.mix.map((m) => areaOf(m.code)))];
  for (const area of areas) {
    const inArea = profile.mix.filter((m) => areaOf(m.code) === area);
    inArea.forEach((m, i) => {
      const load = profile.tickets * m.share * (m.meanMinutes + overheadMinutes);
      const count = Math.max(1, Math.round(load / (openMinutes * profile.targetUtilisation)) - (i === 0 ? 1 : 0));
      const sibling = inArea[(i + 1) % inArea.length].code;
      for (let k = 0; k < count; k++) plans.push({ number: number++, area, main: [m.code], backup: sibling !== m.code ? [sibling] : [], comprehensive: false, green: false });
    });
    plans.push({ number: number++, area, main: inArea.map((m) => m.code), backup: [], comprehensive: false, green: true });
  }
  for (let k = 0; k < 2; k++) plans.push({ number: number++, area: areas[areas.length - 1], main: [], backup: [], comprehensive: true, green: false });
  return plans;
}

/** Configured default handling minutes of a service, as the demo hall sets them. */
export function configuredMinutes(code: string): number {
  return demoServices.find((s) => s.code === code)!.minutes;
}
