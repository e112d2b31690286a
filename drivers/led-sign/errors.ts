// Device conditions are values, not exceptions: a hall keeps calling tickets even when one
// window sign is unplugged, so every operation resolves to a LedSignResult.

export type LedSignErrorCode =
  | 'LED_ADDRESS_OUT_OF_RANGE'
  | 'LED_BRIGHTNESS_OUT_OF_RANGE'
  | 'LED_TEXT_NOT_ENCODABLE'
  | 'LED_TEXT_TOO_LONG'
  | 'LED_UNSUPPORTED'
  | 'LED_PORT_NOT_OPEN'
  | 'LED_WRITE_FAILED'
  | 'LED_TIMEOUT'
  | 'LED_DEVICE_REJECTED'
  | 'LED_BUS_STOPPED';

export interface LedSignError {
  code: LedSignErrorCode;
  zh: string;
  en: string;
  address?: number;
}

export type LedSignResult =
  | { ok: true; address: number; elapsedMs: number }
  | { ok: false; address: number; error: LedSignError };

const messages: Record<LedSignErrorCode, { zh: string; en: string }> = {
  LED_ADDRESS_OUT_OF_RANGE: { zh: '屏地址超出范围', en: 'sign address out of range' },
  LED_BRIGHTNESS_OUT_OF_RANGE: { zh: '亮度须为 1 至 16', en: 'brightness must be 1 to 16' },
  LED_TEXT_NOT_ENCODABLE: { zh: '屏幕无法显示该文字', en: 'the sign cannot display this text' },
  LED_TEXT_TOO_LONG: { zh: '显示内容过长', en: 'text too long for one frame' },
  LED_UNSUPPORTED: { zh: '该协议不支持此操作', en: 'operation not supported by this protocol' },
  LED_PORT_NOT_OPEN: { zh: '串口未打开', en: 'serial port is not open' },
  LED_WRITE_FAILED: { zh: '串口写入失败', en: 'serial write failed' },
  LED_TIMEOUT: { zh: '屏幕无应答', en: 'the sign did not answer in time' },
  LED_DEVICE_REJECTED: { zh: '屏幕拒绝了命令', en: 'the sign rejected the command' },
  LED_BUS_STOPPED: { zh: '屏幕总线已停止', en: 'the sign bus has been stopped' },
};

/** Builds a typed error; `detail` is appended to both languages (never personal data). */
export function ledSignError(code: LedSignErrorCode, detail?: string, address?: number): LedSignError {
  const base = messages[code];
  const suffix = detail ? `: ${detail}` : '';
  const error: LedSignError = { code, zh: base.zh + suffix, en: base.en + suffix };
  if (address !== undefined) error.address = address;
  return error;
}
