import type { HallState } from './types.js';

/** How many default-sized observations the configured handling time is worth against the day's learned mean. */
const priorWeight = 3;

/** Expected handling time of a service: the configured default, pulled towards what today's finished cases took. */
export function expectedHandlingMs(state: HallState, serviceId: number): number {
  const service = state.services.get(serviceId);
  const prior = (service?.defaultHandlingMinutes ?? 5) * 60_000;
  const learned = state.handling.get(serviceId);
  if (!learned || learned.count === 0) return prior;
  return (learned.meanMs * learned.count + prior * priorWeight) / (learned.count + priorWeight);
}

export function learnHandling(state: HallState, serviceId: number, durationMs: number): void {
  // Cases over four hours are a window left serving by mistake, not a handling time.
  if (durationMs <= 0 || durationMs > 4 * 3_600_000) return;
  const prev = state.handling.get(serviceId) ?? { count: 0, meanMs: 0 };
  const count = prev.count + 1;
  state.handling.set(serviceId, { count, meanMs: prev.meanMs + (durationMs - prev.meanMs) / count });
}
