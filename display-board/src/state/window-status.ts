import type { Text } from '../../../protocol/i18n.js';
import type { PauseReason, WindowView } from '../../../protocol/queue-entities.js';

/** How a window's tile reads, and its tone. Colour always comes with these words, never alone. */
export type WindowTone = 'calling' | 'serving' | 'idle' | 'paused' | 'closed';

const pauseReasons: Record<PauseReason, Text> = {
  lunch: { zh: '午休', en: 'lunch' },
  break: { zh: '休息', en: 'break' },
  meeting: { zh: '开会', en: 'meeting' },
  other: { zh: '其他', en: 'other' },
};

export function windowStatus(w: WindowView): { tone: WindowTone; label: Text } {
  if (w.status === 'closed') return { tone: 'closed', label: { zh: '未开放', en: 'Closed' } };
  if (w.status === 'paused') {
    const reason = w.pauseReason ? pauseReasons[w.pauseReason] : null;
    return {
      tone: 'paused',
      label: reason ? { zh: `暂停(${reason.zh})`, en: `Paused (${reason.en})` } : { zh: '暂停', en: 'Paused' },
    };
  }
  if (w.currentTicket?.status === 'called') return { tone: 'calling', label: { zh: '呼叫中', en: 'Calling' } };
  if (w.currentTicket?.status === 'serving') return { tone: 'serving', label: { zh: '办理中', en: 'Serving' } };
  return { tone: 'idle', label: { zh: '空闲', en: 'Available' } };
}
