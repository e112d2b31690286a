/**
 * WebSocket text frames from the server (RFC 6455 §5.2: final, unmasked), built whole, header and payload in one
 * buffer, so each client costs one socket write. ws's own send writes the header and the payload as two chunks
 * through a corked stream; that made a phone update cost twice a plain write to its socket. A frame built once is
 * also written as it is to every board that gets the same message.
 */

/** A frame with room for `payloadBytes` bytes of text in its last bytes, its header already written. */
export function frameFor(payloadBytes: number): Buffer {
  const header = payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + payloadBytes);
  frame[0] = 0x81; // FIN, opcode 1: one whole text message
  if (header === 2) frame[1] = payloadBytes;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(payloadBytes, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(payloadBytes), 2);
  }
  return frame;
}

/** `text` (UTF-8) as one text frame. */
export function textFrame(text: string): Buffer {
  const bytes = Buffer.byteLength(text);
  const frame = frameFor(bytes);
  frame.write(text, frame.length - bytes);
  return frame;
}
