import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IDENTITIES } from '../../drivers/simulators/fixtures/id-card-identities.js';
import { TestSocket } from '../support/ws-client.js';
import { liftCard, placeCard, startDeviceRig, type DeviceRig } from './device-rig.js';

const ZHANG = FIXTURE_IDENTITIES[0];
const WANG_ELDERLY = FIXTURE_IDENTITIES[2];
const PENSION = { id: 1, name: '社保参保登记' };

describe('a kiosk with a card reader and a ticket printer', () => {
  let rig: DeviceRig;
  let kiosk: TestSocket;
  beforeAll(async () => {
    rig = await startDeviceRig();
    kiosk = await rig.kiosk();
  });
  afterAll(async () => rig?.stop());

  it('tells only that kiosk of a card on its reader, masked, with a one-time token and the age priority', async () => {
    const board = await TestSocket.open(rig.t.wsUrl, { token: rig.t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    const message = await placeCard(rig, kiosk, 2);
    expect(message.card).toMatchObject({ nameMasked: '王*', idMasked: '110105********0030', priorityClass: { name: { zh: '65岁以上老人' } } });
    expect(message.card.age).toBeGreaterThanOrEqual(65);
    expect(message.card.cardToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const wire = JSON.stringify(kiosk.messages);
    expect(wire).not.toContain(WANG_ELDERLY.idNumber);
    expect(wire).not.toContain(WANG_ELDERLY.name);
    expect(board.messages.some((m) => m.type === 'card')).toBe(false);
    board.close();

    await liftCard(rig, kiosk);
  });

  it('prints the ticket taken with the card token: its number, service and its own phone URL as the QR code', async () => {
    const card = (await placeCard(rig, kiosk, 2)).card;
    const printed = rig.printer.tickets.length;
    const res = await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: PENSION.id, cardToken: card.cardToken } });
    expect(res.status).toBe(201);
    expect(res.body.print).toEqual({ ok: true });
    expect(res.body.ticket.priorityClassId).toBe(card.priorityClass.id);
    expect(res.body.url).toMatch(new RegExp(`/m/t/${res.body.token}$`));

    const [ticket] = (await rig.printer.waitForTickets(printed + 1)).slice(-1);
    const texts = ticket.lines.map((l) => l.text);
    expect(texts).toContain(res.body.ticket.number);
    expect(texts).toContain(PENSION.name);
    expect(texts).toContain('示范政务服务中心');
    expect(texts.some((t) => t.includes('好差评'))).toBe(true);
    expect(ticket.qrCodes.map((q) => q.payload)).toEqual([res.body.url]);
    expect(ticket.cut).toEqual({ partial: true });
    // The card token is spent: the same card cannot take a second ticket without being read again.
    const again = await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: 2, cardToken: card.cardToken } });
    expect(again.body.code).toBe('ID_REQUIRED');
    await liftCard(rig, kiosk);
  });

  it('keeps a ticket the printer cannot print, tells the kiosk and alerts the supervisors, and clears it after refilling', async () => {
    const admin = await TestSocket.open(rig.t.wsUrl, { follow: { scope: 'hall' } }, { cookie: await rig.t.login('admin') });
    const staff = await TestSocket.open(rig.t.wsUrl, { follow: { scope: 'hall' } }, { cookie: await rig.t.login('1001') });
    await Promise.all([admin.next((m) => m.type === 'snapshot'), staff.next((m) => m.type === 'snapshot')]);
    rig.printer.mode = 'paper-out';
    const card = (await placeCard(rig, kiosk, 0)).card;
    const printed = rig.printer.tickets.length;
    const bytes = rig.printer.printBytes;

    const res = await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: PENSION.id, cardToken: card.cardToken } });
    expect(res.status).toBe(201);
    expect(res.body.print).toMatchObject({ ok: false, sent: false, problem: { code: 'PAPER_OUT', message: { zh: expect.stringContaining('缺纸') } } });
    const kept = await rig.t.api('GET', `/api/visits/${res.body.token}`);
    expect(kept.status).toBe(200);
    expect(kept.body.ticket).toMatchObject({ number: res.body.ticket.number, status: 'waiting', person: { nameMasked: '张*' } });

    const told = await kiosk.next((m) => m.type === 'printer' && m.problem?.code === 'PAPER_OUT');
    expect(told.problem.message.en).toMatch(/paper/);
    const alert = await admin.next((m) => m.type === 'alert');
    expect(alert.alert).toMatchObject({ code: 'PRINTER_PAPER_OUT', deviceId: 1, message: { zh: expect.stringContaining('缺纸') } });
    expect(staff.messages.some((m) => m.type === 'alert')).toBe(false);
    expect(rig.printer.tickets.length).toBe(printed);
    expect(rig.printer.printBytes).toBe(bytes);
    const monitor = await rig.t.api('GET', '/api/devices/status', { cookie: await rig.t.login('S01') });
    expect(monitor.body.kiosks).toEqual([{ deviceId: 1, reader: { connected: true, samOk: true }, printer: { connected: true, condition: 'PAPER_OUT' } }]);
    expect(JSON.stringify([...admin.messages, ...kiosk.messages])).not.toContain(ZHANG.idNumber);

    rig.printer.mode = 'normal';
    const cleared = await kiosk.next((m) => m.type === 'printer' && m.problem === null && m.paperNearEnd === false, 3000);
    expect(cleared).toBeTruthy();
    admin.close();
    staff.close();
  });
});
