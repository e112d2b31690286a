import {
  BODY_OFFSET,
  CHECKSUM_BYTES,
  HEADER_BYTES,
  LENGTH_OFFSET,
  MAX_LEN,
  MIN_LEN,
  PREAMBLE,
  STATUS_BYTES,
  type Command,
} from './protocol-constants.js';

/** XOR of LEN_H through the last data byte, i.e. everything but the preamble and the checksum itself. */
export function checksumOf(frame: Buffer): number {
  let sum = 0;
  for (let i = LENGTH_OFFSET; i < frame.length - CHECKSUM_BYTES; i++) sum ^= frame[i];
  return sum;
}

export function encodeFrame(body: Buffer): Buffer {
  const len = body.length + CHECKSUM_BYTES;
  const frame = Buffer.alloc(HEADER_BYTES + len);
  PREAMBLE.copy(frame, 0);
  frame.writeUInt16BE(len, LENGTH_OFFSET);
  body.copy(frame, BODY_OFFSET);
  frame[frame.length - 1] = checksumOf(frame);
  return frame;
}

export function encodeRequest(command: Command, data: Buffer = Buffer.alloc(0)): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([command.cmd, command.para]), data]));
}

/** SW1 SW2 are always 00 00 in this protocol; only SW3 carries the status. */
export function encodeResponse(sw3: number, data: Buffer = Buffer.alloc(0)): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([0x00, 0x00, sw3]), data]));
}

export interface Request {
  cmd: number;
  para: number;
  data: Buffer;
}

export interface Response {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

/** Body of a complete, checksum-verified frame (as FrameReassembler yields them). */
function bodyOf(frame: Buffer): Buffer {
  return frame.subarray(BODY_OFFSET, frame.length - CHECKSUM_BYTES);
}

export function parseRequest(frame: Buffer): Request {
  const body = bodyOf(frame);
  return { cmd: body[0], para: body[1], data: body.subarray(2) };
}

/** Returns null when the frame is too short to hold a status, which no reader should send. */
export function parseResponse(frame: Buffer): Response | null {
  const body = bodyOf(frame);
  if (body.length < STATUS_BYTES) return null;
  return { sw1: body[0], sw2: body[1], sw3: body[2], data: body.subarray(STATUS_BYTES) };
}

export interface ReassemblyStats {
  /** Bytes dropped because they did not start a valid frame. */
  skippedBytes: number;
  /** Candidate frames whose checksum did not match. */
  badChecksums: number;
}

/**
 * Turns a byte stream cut into arbitrary chunks back into whole, checksum-verified frames.
 *
 * A rejected candidate (bad length or checksum) gives up only its first byte, and the search resumes
 * right after it: a good frame hiding inside garbage or right behind a damaged frame is never lost.
 */
export class FrameReassembler {
  private pending: Buffer = Buffer.alloc(0);
  readonly stats: ReassemblyStats = { skippedBytes: 0, badChecksums: 0 };

  /** Adds a chunk and returns every frame it completed, oldest first. */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const start = this.pending.indexOf(PREAMBLE);
      if (start < 0) {
        // The tail may be the first bytes of a preamble still on its way.
        this.skip(Math.max(0, this.pending.length - (PREAMBLE.length - 1)));
        return frames;
      }
      this.skip(start);
      if (this.pending.length < HEADER_BYTES) return frames;
      const len = this.pending.readUInt16BE(LENGTH_OFFSET);
      if (len < MIN_LEN || len > MAX_LEN) {
        this.skip(1);
        continue;
      }
      const size = HEADER_BYTES + len;
      if (this.pending.length < size) {
        // A false preamble in garbage can claim a long frame; do not wait on it if a real one is already here.
        if (this.completeFrameAfter(1) < 0) return frames;
        this.skip(1);
        continue;
      }
      const candidate = this.pending.subarray(0, size);
      if (checksumOf(candidate) !== candidate[size - 1]) {
        this.stats.badChecksums++;
        this.skip(1);
        continue;
      }
      frames.push(Buffer.from(candidate));
      this.pending = this.pending.subarray(size);
    }
  }

  /** Forgets a partial frame, e.g. after a response timeout, so stale bytes cannot prefix the next reply. */
  reset(): void {
    this.stats.skippedBytes += this.pending.length;
    this.pending = Buffer.alloc(0);
  }

  private skip(bytes: number): void {
    if (bytes <= 0) return;
    this.stats.skippedBytes += bytes;
    this.pending = this.pending.subarray(bytes);
  }

  /** Offset of the first complete frame with a valid checksum at or after `from`, or -1. */
  private completeFrameAfter(from: number): number {
    for (let at = this.pending.indexOf(PREAMBLE, from); at >= 0; at = this.pending.indexOf(PREAMBLE, at + 1)) {
      if (at + HEADER_BYTES > this.pending.length) return -1;
      const len = this.pending.readUInt16BE(at + LENGTH_OFFSET);
      const end = at + HEADER_BYTES + len;
      if (len < MIN_LEN || len > MAX_LEN || end > this.pending.length) continue;
      const candidate = this.pending.subarray(at, end);
      if (checksumOf(candidate) === candidate[candidate.length - 1]) return at;
    }
    return -1;
  }
}
