// Refusals of the device operations. They have the shape of domain errors, so the operation registry answers
// them like any other refusal (status, code, message in Chinese and English).

const catalog = {
  NO_IDENTITY: [409, '当前票号没有实名信息，无法自动录入', 'The current ticket has no identity to fill in'],
  BRIDGE_NOT_CONNECTED: [409, '本窗口的桌面助手未连接', 'The desktop bridge of this window is not connected'],
  NOT_SIMULATING: [404, '未启用设备模拟', 'Device simulation is not running'],
  NO_SUCH_KIOSK: [404, '该取号机未配置外设', 'No peripherals are configured for that kiosk'],
  NOTHING_PRINTED: [404, '模拟打印机尚未打印', 'The simulated printer has printed nothing yet'],
} as const satisfies Record<string, readonly [400 | 404 | 409, string, string]>;

export type DeviceErrorCode = keyof typeof catalog;

export interface DeviceError {
  ok: false;
  code: DeviceErrorCode;
  status: 400 | 404 | 409;
  message: { zh: string; en: string };
}

export function deviceError(code: DeviceErrorCode): DeviceError {
  const [status, zh, en] = catalog[code];
  return { ok: false, code, status, message: { zh, en } };
}
