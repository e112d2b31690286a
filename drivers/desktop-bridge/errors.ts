// A failed fill is a value the hall server can show to the staff member at the window in both languages.
// Details name a field or a step, never the identity itself.

export type BridgeErrorCode =
  | 'PROFILE_INVALID'
  | 'FIELD_MISSING'
  | 'NOT_TYPEABLE'
  | 'NO_DISPLAY'
  | 'KEYBOARD_UNAVAILABLE'
  | 'WRONG_WINDOW'
  | 'CLIPBOARD_TOOL_MISSING'
  | 'CLIPBOARD_UNSUPPORTED_PLATFORM'
  | 'CLIPBOARD_FAILED'
  | 'PASTE_NOT_TAKEN'
  | 'TYPING_FAILED';

const MESSAGES: Record<BridgeErrorCode, { zh: string; en: string }> = {
  PROFILE_INVALID: { zh: '录入方案配置有误', en: 'the fill profile is invalid' },
  FIELD_MISSING: { zh: '证件信息缺少所需字段', en: 'the identity lacks a field the profile needs' },
  NOT_TYPEABLE: {
    zh: '该字段含有无法按键输入的字符，请改用粘贴方式',
    en: 'the field holds characters that cannot be typed; use paste mode',
  },
  NO_DISPLAY: { zh: '无法连接桌面显示，请确认已登录桌面', en: 'no desktop display is reachable' },
  KEYBOARD_UNAVAILABLE: { zh: '键盘模拟组件无法加载', en: 'the keyboard automation library could not be loaded' },
  WRONG_WINDOW: {
    zh: '当前窗口不是业务系统，已停止录入',
    en: 'the focused window is not the business system; nothing was typed',
  },
  CLIPBOARD_TOOL_MISSING: {
    zh: '未安装剪贴板工具（xclip 或 xsel）',
    en: 'no clipboard tool (xclip or xsel) is installed',
  },
  CLIPBOARD_UNSUPPORTED_PLATFORM: {
    zh: '本系统暂不支持粘贴录入',
    en: 'pasting is not supported on this platform yet',
  },
  CLIPBOARD_FAILED: { zh: '剪贴板操作失败', en: 'the clipboard could not be set' },
  PASTE_NOT_TAKEN: {
    zh: '业务系统未接收粘贴内容，请检查粘贴键设置和光标位置',
    en: 'the application did not take the pasted text; check the paste key and the focus',
  },
  TYPING_FAILED: { zh: '模拟键盘输入失败', en: 'sending key strokes failed' },
};

export interface BridgeError {
  code: BridgeErrorCode;
  zh: string;
  en: string;
  /** Index of the profile step that failed, when one did. */
  step?: number;
  field?: string;
  /** True when key strokes had already been sent: the form may be half filled and needs a look. */
  started: boolean;
}

/** Thrown inside the bridge and turned into a BridgeError value at the edge (typist.fill). */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    readonly detail?: string,
    readonly where: { step?: number; field?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${MESSAGES[code].en}${detail ? `: ${detail}` : ''}`, options);
    this.name = 'BridgeFailure';
  }
}

export function bridgeError(failure: BridgeFailure, started: boolean): BridgeError {
  const base = MESSAGES[failure.code];
  const suffix = failure.detail ? `: ${failure.detail}` : '';
  const error: BridgeError = { code: failure.code, zh: base.zh + suffix, en: base.en + suffix, started };
  if (failure.where.step !== undefined) error.step = failure.where.step;
  if (failure.where.field !== undefined) error.field = failure.where.field;
  return error;
}
