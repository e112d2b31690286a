// CRC-16/ARC: reflected polynomial 0x8005 (0xA001 reflected), init 0, no final xor.
// Check value for ASCII "123456789" is 0xBB3D. A table keeps it cheap for long text frames.

const table = buildTable();

function buildTable(): Uint16Array {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    t[n] = crc;
  }
  return t;
}

export function crc16Arc(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) crc = (crc >>> 8) ^ table[(crc ^ byte) & 0xff];
  return crc;
}
