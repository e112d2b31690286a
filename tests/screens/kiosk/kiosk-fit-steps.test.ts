import { describe, expect, it } from 'vitest';
import { openPage, sizes } from '../../support/browser.js';
import { chooseService, fitProblems, goHome, useKiosk } from './kiosk-fixture.js';

/**
 * Every kiosk step but the ID card one (kiosk-fit-card-step.test.ts) at 1920x1080, 1080x1920 and 1280x800, in
 * normal and large type, in Chinese and English: no button under the footer or off the screen, nothing cut.
 */
describe('every kiosk step fits every kiosk screen', () => {
  const k = useKiosk(sizes.kioskLandscape);

  it('fits the areas, the services and a ticket taken without a card', async () => {
    const areas = await fitProblems(k.page, 'areas');
    await k.page.getByTestId('kiosk-area-SB').click();
    const services = await fitProblems(k.page, 'services');
    await k.page.getByTestId('kiosk-back').click();
    await chooseService(k.page, 'BDC', 'BDC03');
    await k.page.getByTestId('kiosk-skip-card').click();
    await k.page.getByTestId('kiosk-people-ahead').filter({ hasText: /\d/ }).waitFor();
    expect({ areas, services, ticket: await fitProblems(k.page, 'ticket') }).toEqual({ areas: {}, services: {}, ticket: {} });
    await goHome(k.page);
  });

  it('fits a ticket taken with a card, and the refusal of a second one that shows the number held', async () => {
    // The same sample card twice: one ticket per person and service, so the second is refused with the number held.
    const placeCard = () => k.t.api('POST', '/api/devices/simulated/card', { token: k.t.kioskToken, body: { fixture: 2 } });
    await chooseService(k.page, 'SB', 'SB01');
    await k.page.getByTestId('kiosk-card-prompt').waitFor();
    expect((await placeCard()).status).toBe(200);
    await k.page.getByTestId('kiosk-ticket-number').waitFor();
    const withCard = await fitProblems(k.page, 'ticket-with-card');
    await goHome(k.page);
    await chooseService(k.page, 'SB', 'SB01');
    await k.page.getByTestId('kiosk-card-prompt').waitFor();
    expect((await placeCard()).status).toBe(200);
    await k.page.locator('[data-testid=kiosk-problem][data-code=ALREADY_HOLDING] .held-number').waitFor();
    expect({ withCard, holding: await fitProblems(k.page, 'problem-holding') }).toEqual({ withCard: {}, holding: {} });
    await goHome(k.page);
  });

  it('fits appointment check-in with its keypad, and the answer to a code that matches nothing', async () => {
    await k.page.getByTestId('kiosk-check-in').click();
    for (const digit of '1234') await k.page.getByTestId(`key-${digit}`).click();
    const checkIn = await fitProblems(k.page, 'check-in');
    for (const digit of '56') await k.page.getByTestId(`key-${digit}`).click();
    await k.page.getByTestId('kiosk-check-in-confirm').click();
    await k.page.locator('[data-testid=kiosk-problem][data-code=NOT_FOUND]').waitFor();
    expect({ checkIn, notFound: await fitProblems(k.page, 'problem-not-found') }).toEqual({ checkIn: {}, notFound: {} });
    await goHome(k.page);
  });

  it('fits the pairing screen of a kiosk not yet paired, with its 8-digit code', async () => {
    const unpaired = await openPage(k.browser, `${k.t.url}/kiosk/`, sizes.kioskLandscape);
    try {
      for (const digit of '1234567') await unpaired.getByTestId(`key-${digit}`).click();
      expect(await fitProblems(unpaired, 'pairing')).toEqual({});
    } finally {
      await unpaired.context().close();
    }
  });
});
