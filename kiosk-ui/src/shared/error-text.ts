import type { Text } from '../../../protocol/i18n.js';

/** What a visitor should do next after a refusal, by its stable code; the server's message says what happened. */
const nextSteps: Record<string, Text> = {
  SERVICE_CLOSED: { zh: '请在开放时间再来，或选择其他业务', en: 'Please come back when it opens, or choose another service' },
  QUOTA_REACHED: { zh: '今日号源已满，请明天再来或在手机上预约', en: 'Please come back tomorrow or book an appointment on your phone' },
  SLOT_QUOTA_REACHED: { zh: '请稍后再取号，或选择其他业务', en: 'Please try again later, or choose another service' },
  ALREADY_HOLDING: { zh: '您已在排队，无需重复取号，请留意叫号屏', en: 'You are already in the queue; please watch the display board' },
  ID_REQUIRED: { zh: '请将身份证放在读卡区', en: 'Please place your ID card on the reader' },
  ID_INVALID: { zh: '请核对身份证号码', en: 'Please check the ID number' },
  CARD_UNREADABLE: { zh: '请擦拭身份证后重新放置，或到咨询台求助', en: 'Wipe the card and place it again, or ask at the help desk' },
  ONLINE_NOT_ALLOWED: { zh: '请到大厅取号机取号', en: 'Please take a ticket at the kiosk in the hall' },
  SERVICE_INACTIVE: { zh: '请选择其他业务，或到咨询台咨询', en: 'Please choose another service or ask at the help desk' },
  OFFLINE: { zh: '请稍后再试，或到咨询台求助', en: 'Please try again shortly, or ask at the help desk' },
  RATE_LIMITED: { zh: '请稍等一分钟再试', en: 'Please wait a minute and try again' },
  NOT_FOUND: { zh: '请核对后重试，或到咨询台求助', en: 'Please check and try again, or ask at the help desk' },
  APPOINTMENT_NOT_DUE: { zh: '请在预约当天前来签到', en: 'Please check in on the day of your appointment' },
  APPOINTMENT_EXPIRED: { zh: '请直接取号排队，或在手机上重新预约', en: 'Please take a ticket and join the queue, or book again on your phone' },
  APPOINTMENT_CANCELLED: { zh: '如需办理，请直接取号排队，或在手机上重新预约', en: 'To be served, please take a ticket, or book again on your phone' },
  CHECK_IN_CLOSED: { zh: '请在办理时间内前来，或在手机上重新预约', en: 'Please come during opening hours, or book again on your phone' },
  SLOT_PAST: { zh: '预约时段已过，请重新取号或预约', en: 'The slot has passed; please take a ticket or book again' },
  INVALID_TRANSITION: { zh: '该预约已签到或已取消，如有疑问请到咨询台', en: 'It was already checked in or cancelled; ask at the help desk if unsure' },
};

const fallback: Text = { zh: '如需帮助，请到咨询台', en: 'If you need help, please ask at the help desk' };

export function nextStepFor(code: string): Text {
  return nextSteps[code] ?? fallback;
}
