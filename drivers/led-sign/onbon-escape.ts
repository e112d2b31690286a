// Byte stuffing of Onbon frames: the flags A5 (start) and 5A (end) never occur inside a frame,
// so a receiver can resynchronise on any A5 after line noise. The escape bytes themselves
// (A6, 5B) are escaped too so that decoding is unambiguous.

export const FRAME_START = 0xa5;
export const FRAME_END = 0x5a;
const ESC_START = 0xa6;
const ESC_END = 0x5b;

export function escapeFrameBody(body: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of body) {
    if (b === FRAME_START) out.push(ESC_START, 0x02);
    else if (b === ESC_START) out.push(ESC_START, 0x01);
    else if (b === FRAME_END) out.push(ESC_END, 0x02);
    else if (b === ESC_END) out.push(ESC_END, 0x01);
    else out.push(b);
  }
  return Buffer.from(out);
}

/** Returns null when an escape byte is followed by anything but 01 or 02 (a corrupt frame). */
export function unescapeFrameBody(escaped: Uint8Array): Buffer | null {
  const out: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const b = escaped[i];
    if (b !== ESC_START && b !== ESC_END) {
      out.push(b);
      continue;
    }
    const next = escaped[++i];
    if (next === 0x01) out.push(b);
    else if (next === 0x02) out.push(b === ESC_START ? FRAME_START : FRAME_END);
    else return null;
  }
  return Buffer.from(out);
}

/**
 * Splits a byte stream into escaped frame bodies (between the last A5 of a run and the next 5A).
 * Keeps the unfinished tail between pushes; drops bytes outside any frame.
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes = 64 * 1024) {}

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const bodies: Buffer[] = [];
    for (;;) {
      const start = this.pending.indexOf(FRAME_START);
      if (start < 0) {
        this.pending = Buffer.alloc(0);
        break;
      }
      let bodyStart = start;
      while (this.pending[bodyStart] === FRAME_START) bodyStart++;
      const end = this.pending.indexOf(FRAME_END, bodyStart);
      if (end < 0) {
        this.pending = this.pending.subarray(start);
        // A lost end flag must not let the buffer grow without bound.
        if (this.pending.length > this.maxFrameBytes) this.pending = Buffer.alloc(0);
        break;
      }
      // A new start flag inside means the previous frame lost its end: restart from there.
      const restart = this.pending.indexOf(FRAME_START, bodyStart);
      if (restart >= 0 && restart < end) {
        this.pending = this.pending.subarray(restart);
        continue;
      }
      bodies.push(Buffer.from(this.pending.subarray(bodyStart, end)));
      this.pending = this.pending.subarray(end + 1);
    }
    return bodies;
  }

  reset(): void {
    this.pending = Buffer.alloc(0);
  }
}
