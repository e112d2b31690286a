import type { HallTicketData } from '../../../drivers/printer/ticket-layout.js';
import type { PaperWidth } from '../../../drivers/printer/escpos-bytes.js';

/** A 60-byte URL, the size of a real ticket-status link. */
export const TICKET_URL = 'https://hall.example.cn/t/7f3a9c2e5b1d4068a9e7c3b5d1f2a4c6e8b0';

export function sampleTicket(paperWidth: PaperWidth, overrides: Partial<HallTicketData> = {}): HallTicketData {
  return {
    hallName: '朝阳区政务服务中心',
    serviceName: '社保业务',
    number: 'A012',
    peopleAhead: 5,
    estimatedWaitMinutes: 15,
    issuedAt: '2024-05-01 09:30',
    qrUrl: TICKET_URL,
    footerLines: ['请对本次服务作出评价（好差评）'],
    paperWidth,
    ...overrides,
  };
}
