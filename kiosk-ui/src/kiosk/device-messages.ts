import type { DeviceProblem, KioskCard } from '../../../protocol/device-messages.js';

/** What the hall's hardware tells this kiosk over its WebSocket (see protocol/device-messages.ts). */
export type DeviceNews =
  | { kind: 'card'; card: KioskCard }
  | { kind: 'cardRemoved' }
  /** A card was on the reader but could not be read: the visitor must act. */
  | { kind: 'cardUnreadable'; problem: DeviceProblem }
  /** The reader itself: connected and working, or not (then only services without ID can be taken). */
  | { kind: 'reader'; working: boolean; problem: DeviceProblem | null }
  | { kind: 'printer'; problem: DeviceProblem | null };

/** Reader failures caused by the card in hand (or how it was placed), as opposed to the reader being down. */
const cardFaults = new Set([
  'ID_CARD_READ_FAILED', 'ID_CARD_SELECT_FAILED', 'ID_CARD_BAD_TEXT', 'ID_CARD_CHECK_DIGIT', 'ID_CARD_UNSUPPORTED_CARD',
  'ID_CARD_UNKNOWN_CARD_TYPE', 'ID_CARD_BAD_REPLY', 'ID_CARD_CARD_REJECTED_SAM', 'ID_CARD_SAM_REJECTED_CARD',
  'ID_CARD_INFO_CHECK_FAILED', 'ID_CARD_NO_CONTENT',
]);

type Message = Record<string, unknown> & { type?: unknown };

/** Reads a device message; anything else on the socket (hall events, snapshots) is not news here. */
export function readDeviceNews(message: Message): DeviceNews | null {
  switch (message.type) {
    case 'card':
      return { kind: 'card', card: message.card as KioskCard };
    case 'cardRemoved':
      return { kind: 'cardRemoved' };
    case 'reader': {
      const problem = (message.problem as DeviceProblem | null) ?? null;
      if (problem && cardFaults.has(problem.code)) return { kind: 'cardUnreadable', problem };
      return { kind: 'reader', working: message.connected === true && message.samOk === true && !problem, problem };
    }
    case 'printer':
      return { kind: 'printer', problem: (message.problem as DeviceProblem | null) ?? null };
    default:
      return null;
  }
}
