import type { TicketStatus, WindowStatus } from '../../../protocol/queue-entities.js';

export type DeskAction = 'open' | 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'pause' | 'resume'
  | 'close' | 'callTicket' | 'fill';

export interface DeskSituation {
  windowStatus: WindowStatus;
  /** The ticket at the counter, if any (only called or serving tickets stay there). */
  current: TicketStatus | null;
  waitingCount: number;
  /** Whether the visitor at the counter has a real-name identity the desktop bridge could type in. */
  hasIdentity: boolean;
  online: boolean;
}

/**
 * Which buttons make sense now. The server refuses the rest anyway; greying them out spares staff a refusal
 * and shows at a glance what the next step is.
 */
export function enabledActions(s: DeskSituation): Set<DeskAction> {
  const on = new Set<DeskAction>();
  if (!s.online) return on;
  const atCounter = s.current === 'called' || s.current === 'serving';
  if (s.windowStatus === 'closed') {
    on.add('open');
    return on;
  }
  if (s.windowStatus === 'paused') {
    on.add('resume');
    if (!atCounter) on.add('close');
    return on;
  }
  if (!atCounter) {
    if (s.waitingCount > 0) {
      on.add('callNext');
      on.add('callTicket');
    }
    on.add('pause');
    on.add('close');
    return on;
  }
  on.add('transfer');
  if (s.hasIdentity) on.add('fill');
  if (s.current === 'called') {
    on.add('recall');
    on.add('start');
    on.add('noShow');
  } else {
    on.add('finish');
  }
  return on;
}
