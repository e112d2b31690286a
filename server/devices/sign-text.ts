import type { PauseReason } from '../../protocol/queue-entities.js';
import type { HallState, WindowRuntime } from '../core/types.js';

/** What a window sign shows, in Chinese (GB2312 signs) and in ASCII English (Alpha signs); null: dark. */
export type SignContent = { zh: string[]; en: string[] } | null;

const pauseWords: Record<PauseReason, [string, string]> = {
  lunch: ['午休', 'Lunch break'],
  break: ['休息', 'Short break'],
  meeting: ['会议', 'Meeting'],
  other: ['请稍候', 'Please wait'],
};

export function callContent(number: string, windowNumber: number): SignContent {
  return { zh: [number, `请到${windowNumber}号窗口`], en: [number, `To window ${windowNumber}`] };
}

/** The sign of a window as its state says: the visitor called, the pause and why, a welcome, or dark. */
export function windowContent(state: HallState, runtime: WindowRuntime): SignContent {
  const window = state.windows.get(runtime.windowId);
  if (!window || runtime.status === 'closed') return null;
  if (runtime.status === 'paused') {
    const [zh, en] = pauseWords[runtime.pauseReason ?? 'other'];
    return { zh: ['暂停服务', zh], en: ['Paused', en] };
  }
  const current = runtime.currentTicketId !== null ? state.tickets.get(runtime.currentTicketId) : undefined;
  if (current && (current.status === 'called' || current.status === 'serving')) return callContent(current.number, window.number);
  return { zh: [`${window.number}号窗口`, '欢迎办理'], en: [`Window ${window.number}`, 'Welcome'] };
}
