import type { LedSignError } from './errors.js';

/**
 * A framer turns sign operations into the bytes of one vendor protocol and back.
 * The bus knows nothing of any vendor; swapping a framer swaps the protocol on the line.
 *
 * Brightness is given on one scale for every framer: 1 (dimmest) to 16 (brightest),
 * because the common RS-485 controllers have 16 hardware steps.
 */
export interface Framer {
  readonly name: string;
  /** Inclusive range of addresses this protocol can put on the wire. */
  readonly addressRange: { min: number; max: number };
  encodeShow(address: number, lines: readonly string[]): Encoded;
  encodeClear(address: number): Encoded;
  encodeBrightness(address: number, level: number): Encoded;
  /**
   * Present when the signs answer every command: the bus then waits for the answer
   * and reports silence as a timeout. Absent for fire-and-forget protocols.
   */
  createReplyReader?(): ReplyReader;
}

export type Encoded =
  | {
      ok: true;
      frame: Buffer;
      command: SignCommand;
      /** Identifies which reply answers this frame (protocol-specific, e.g. command group + number). */
      replyKey: string;
    }
  | { ok: false; error: LedSignError };

/** What a command asks of a sign, independent of protocol: shared by framers and simulators. */
export type SignCommand =
  | { kind: 'show'; lines: string[] }
  | { kind: 'clear' }
  | { kind: 'brightness'; level: number };

/** One answer from a sign, as read from the line by the host. */
export interface SignReply {
  address: number;
  replyKey: string;
  /** 0 means accepted; anything else is the sign's own status code. */
  status: number;
}

/** Reassembles replies from a byte stream that arrives in arbitrary chunks. */
export interface ReplyReader {
  push(chunk: Buffer): SignReply[];
  reset(): void;
}

/** The sign's side of a protocol, used by simulators to decode what the host sent. */
export interface SignSideCodec {
  readonly name: string;
  createCommandReader(): CommandReader;
  /** Present when the real signs answer; the simulator answers only for its own addresses. */
  encodeReply?(address: number, command: SignCommand, status: number): Buffer;
}

export type DecodedFrame =
  | { ok: true; address: number; command: SignCommand; wantsReply: boolean }
  | { ok: false; reason: 'checksum' | 'malformed'; detail: string };

export interface CommandReader {
  push(chunk: Buffer): DecodedFrame[];
}
