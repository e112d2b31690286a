import { DriverError } from './driver-error.js';

export type SerialErrorCode = 'SERIAL_NOT_OPEN' | 'SERIAL_OPEN_FAILED' | 'SERIAL_WRITE_FAILED' | 'SERIAL_PORT_ERROR' | 'SERIAL_PORT_GONE';

const TEXTS: Record<SerialErrorCode, { zh: string; en: string }> = {
  SERIAL_NOT_OPEN: { zh: '串口未打开', en: 'Serial port is not open' },
  SERIAL_OPEN_FAILED: { zh: '串口打开失败', en: 'Serial port could not be opened' },
  SERIAL_WRITE_FAILED: { zh: '串口写入失败', en: 'Writing to the serial port failed' },
  SERIAL_PORT_ERROR: { zh: '串口故障', en: 'Serial port error' },
  SERIAL_PORT_GONE: { zh: '串口设备已拔出或更换', en: 'The serial device was unplugged or replaced' },
};

export class SerialLinkError extends DriverError<SerialErrorCode> {
  constructor(code: SerialErrorCode, readonly path: string, cause?: unknown) {
    super(code, TEXTS[code], { cause });
    this.name = 'SerialLinkError';
    // The OS reason (ENOENT, EIO...) is what an installer needs to see in the log.
    if (cause instanceof Error) this.message = `${code}: ${TEXTS[code].en} (${path}): ${cause.message}`;
  }
}
