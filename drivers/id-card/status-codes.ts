import { DriverError, type BilingualText } from '../serial/driver-error.js';

/** Failure statuses (SW3) a reader may answer with, named by what they mean to the hall. */
export const SW3_FAILURES = {
  0x91: { code: 'ID_CARD_NO_CONTENT', zh: '卡中无此项内容', en: 'The card has no such content' },
  0x10: { code: 'ID_CARD_FRAME_CHECKSUM', zh: '阅读器收到的数据校验和错误', en: 'The reader received a frame with a bad checksum' },
  0x11: { code: 'ID_CARD_FRAME_LENGTH', zh: '阅读器收到的数据长度错误', en: 'The reader received a frame with a bad length' },
  0x21: { code: 'ID_CARD_COMMAND_ERROR', zh: '阅读器收到的命令错误', en: 'The reader did not accept the command' },
  0x23: { code: 'ID_CARD_UNAUTHORIZED', zh: '越权操作', en: 'Unauthorized operation' },
  0x24: { code: 'ID_CARD_UNRECOGNIZED_ERROR', zh: '无法识别的错误', en: 'Unrecognized reader error' },
  0x31: { code: 'ID_CARD_CARD_REJECTED_SAM', zh: '卡认证机具失败', en: 'The card failed to authenticate the reader' },
  0x32: { code: 'ID_CARD_SAM_REJECTED_CARD', zh: '机具认证卡失败', en: 'The reader failed to authenticate the card' },
  0x33: { code: 'ID_CARD_INFO_CHECK_FAILED', zh: '信息验证错误', en: 'Card information failed verification' },
  0x40: { code: 'ID_CARD_UNKNOWN_CARD_TYPE', zh: '无法识别的卡类型', en: 'Unknown card type' },
  0x41: { code: 'ID_CARD_READ_FAILED', zh: '读卡失败，请重新放置身份证', en: 'Reading the card failed; place the card again' },
  0x47: { code: 'ID_CARD_RANDOM_FAILED', zh: '取随机数失败', en: 'The reader failed to get a random number' },
  0x60: { code: 'ID_CARD_SAM_SELF_TEST_FAILED', zh: '安全模块自检失败', en: 'The reader security module failed its self-test' },
  0x66: { code: 'ID_CARD_SAM_NOT_AUTHORIZED', zh: '安全模块未经授权', en: 'The reader security module is not authorized' },
  0x80: { code: 'ID_CARD_NO_CARD', zh: '未找到身份证', en: 'No card on the reader' },
  0x81: { code: 'ID_CARD_SELECT_FAILED', zh: '选卡失败，请重新放置身份证', en: 'Selecting the card failed; place the card again' },
} as const satisfies Record<number, { code: string } & BilingualText>;

type Sw3FailureCode = (typeof SW3_FAILURES)[keyof typeof SW3_FAILURES]['code'];

/** Failures the driver itself detects (no reply, a reply it cannot use, a card it must refuse). */
const DRIVER_FAILURES = {
  ID_CARD_UNKNOWN_STATUS: { zh: '阅读器返回未知状态', en: 'The reader answered with an unknown status' },
  ID_CARD_TIMEOUT: { zh: '身份证阅读器无响应', en: 'The ID card reader did not answer in time' },
  ID_CARD_NOT_CONNECTED: { zh: '身份证阅读器未连接', en: 'The ID card reader is not connected' },
  ID_CARD_BAD_REPLY: { zh: '阅读器返回的数据格式错误', en: 'The reader sent a reply with an unexpected layout' },
  ID_CARD_BAD_TEXT: { zh: '身份证信息格式错误', en: 'The card text is not in the expected format' },
  ID_CARD_CHECK_DIGIT: { zh: '公民身份号码校验位错误', en: 'The ID number fails its check digit' },
  ID_CARD_UNSUPPORTED_CARD: { zh: '暂不支持此类证件', en: 'This kind of card is not supported' },
} as const satisfies Record<string, BilingualText>;

type DriverFailureCode = keyof typeof DRIVER_FAILURES;

export type IdCardErrorCode = Sw3FailureCode | DriverFailureCode;

export class IdCardError extends DriverError<IdCardErrorCode> {
  /** The reader's SW3 when the error came from the reader. */
  readonly sw3: number | undefined;

  constructor(code: IdCardErrorCode, text: BilingualText, sw3?: number, detail?: string) {
    super(code, text);
    this.name = 'IdCardError';
    this.sw3 = sw3;
    // Detail is for logs and must never carry a name or full ID number.
    if (detail) this.message = `${this.message} (${detail})`;
  }
}

export function errorForStatus(sw3: number): IdCardError {
  const known = (SW3_FAILURES as Record<number, { code: Sw3FailureCode } & BilingualText>)[sw3];
  const hex = `SW3=0x${sw3.toString(16).padStart(2, '0')}`;
  if (known) return new IdCardError(known.code, { zh: known.zh, en: known.en }, sw3, hex);
  return new IdCardError('ID_CARD_UNKNOWN_STATUS', DRIVER_FAILURES.ID_CARD_UNKNOWN_STATUS, sw3, hex);
}

export function driverError(code: DriverFailureCode, detail?: string): IdCardError {
  return new IdCardError(code, DRIVER_FAILURES[code], undefined, detail);
}
