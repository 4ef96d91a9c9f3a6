import { daysFromToday, eventually, workspaceRoot } from '@pss/testing';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousViolations } from '../../src';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
// The README's screenshots: `PSS_SCREENSHOTS=docs/screenshots` writes them there; by default they go
// to dist/, so that a test run leaves the work tree as it was.
const SCREENSHOTS = resolve(workspaceRoot, process.env.PSS_SCREENSHOTS ?? 'dist/screenshots');
const PHONE = { width: 375, height: 812 };

/**
 * A passenger on the website, in real headless chromium: search, book, find the booking again,
 * check in on the seat map, print the boarding passes, cancel; the messages a passenger gets for
 * a wrong field, a full flight, a bad date and a service that is down. Every page passes axe-core
 * with no serious violation, and the main pages are photographed.
 */
describe('the website, in a browser', () => {
  let browser: Browser;
  const site = () => stack.url('website');

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** What the browser refused to load or run on the site's pages (its Content-Security-Policy). */
  let refused: string[] = [];
  const open = async (viewport?: typeof PHONE): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: viewport ?? { width: 1024, height: 900 } });
    const page = await context.newPage();
    refused = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
        refused.push(message.text());
    });
    return { context, page };
  };

  const expectAccessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  const search = async (page: Page, date: string, passengers: number) => {
    await page.goto(`${site()}/`);
    await page.getByLabel('From').fill('NYC');
    await page.getByLabel('To', { exact: true }).fill('SFO');
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('Passengers').fill(String(passengers));
    await page.getByRole('button', { name: 'Search flights' }).click();
  };

  it.each([
    ['a desktop', undefined, 'desktop'],
    ['a 375 px wide phone', PHONE, 'phone'],
  ])(
    'on %s: searches, books two passengers, finds the booking, checks in on the seat map, prints the passes',
    async (_on, viewport, device) => {
      const { context, page } = await open(viewport);
      // Tomorrow: check-in is open. Each device its own seat.
      const date = daysFromToday(1);
      const seat = device === 'phone' ? '6D' : '5C';
      const shot = async (name: string) => {
        if (device === 'desktop')
          await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      };

      await search(page, date, 2);
      const bf101 = page.getByRole('listitem').filter({ hasText: 'BF101' });
      await expect(bf101.textContent()).resolves.toContain('USD 101.00');
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport?.width ?? 1024,
      );
      await shot('search');

      await bf101.getByRole('button', { name: /^Book BF101/ }).click();
      // The browser asks for every name; booking refuses one that is too long: the page says so
      // beside the field, and nothing was booked.
      const tooLong = 'G'.repeat(61);
      for (const [index, name] of ['Gean', 'Gavin'].entries()) {
        await page.locator(`[id="passengers.${index}.firstName"]`).fill(index === 0 ? tooLong : name);
        await page.locator(`[id="passengers.${index}.lastName"]`).fill(index === 1 ? tooLong : 'Franc');
      }
      await page.getByRole('button', { name: /^Book and pay USD 202.00/ }).click();
      await expect(page.locator('[id="passengers.0.firstName-error"]').textContent()).resolves.toBe(
        'FirstName must be 1 to 60 characters.',
      );
      await expect(page.locator('[id="passengers.1.lastName-error"]').textContent()).resolves.toBe(
        'LastName must be 1 to 60 characters.',
      );
      await expectAccessible(page);
      await shot('booking-form');

      await page.locator('[id="passengers.0.firstName"]').fill('Gean');
      await page.locator('[id="passengers.1.lastName"]').fill('Franc');
      await page.locator('[id="passengers.1.gender"]').selectOption('Male');
      await page.getByRole('button', { name: /^Book and pay/ }).click();
      await expect(page.locator('.status').textContent()).resolves.toBe('Confirmed');
      const reference = (await page.locator('.reference').textContent()) ?? '';
      expect(reference).toMatch(/^[A-Z2-9]{6}$/);
      await expectAccessible(page);
      await shot('booking');

      await page.getByRole('link', { name: 'Manage booking' }).click();
      await page.getByLabel('Booking reference').fill(reference.toLowerCase());
      await page.getByLabel('Last name').fill('franc');
      await page.getByRole('button', { name: 'Find booking' }).click();
      await expect(page.locator('.reference').textContent()).resolves.toBe(reference);

      await page.getByRole('link', { name: 'Check in' }).click();
      await expectAccessible(page);
      const gean = page.getByRole('group', { name: 'Seat for Gean Franc' });
      // With the keyboard alone: to the seat, then space.
      await gean.getByLabel(`Seat ${seat}`, { exact: true }).focus();
      await page.keyboard.press('Space');
      await shot('checkin');
      await page.getByRole('button', { name: 'Check in' }).click();
      const passes = page.locator('.pass');
      await expect(passes.count()).resolves.toBe(2);
      await expect(passes.filter({ hasText: 'Gean' }).locator('.seat-number').textContent()).resolves.toBe(
        seat,
      );
      await expectAccessible(page);
      await shot('boarding-passes');
      // Printed, only the passes show.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await passes.first().isVisible()).toBe(true);
      expect(refused).toEqual([]);
      await context.close();
    },
  );

  it('cancels a booking: it says so, and offers no check-in', async () => {
    const booking = await user.booked({ flightNumber: 'BF105', origin: 'NYC' }, daysFromToday(3), 1);
    const { context, page } = await open();
    await page.goto(`${site()}/bookings/${booking.id}`);
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('cancelled');
    await expect(page.locator('.status').textContent()).resolves.toBe('Cancelled');
    expect(await page.getByRole('link', { name: 'Check in' }).count()).toBe(0);
    expect(await user.bookingStatus(booking.id)).toBe('CANCELLED');
    await context.close();
  });

  it('says clearly when a flight sold out while the passenger filled the form, and when a date is wrong', async () => {
    // A small aircraft: booking sells 2 of its 7 seats (it keeps 5 back).
    const date = daysFromToday(6);
    const bf118 = { flightNumber: 'BF118', origin: 'BOS' };
    const flight = {
      origin: 'BOS',
      destination: 'SFO',
      departureTime: `${date}T09:00:00Z`,
      arrivalTime: `${date}T15:30:00Z`,
    };
    expect((await user.scheduleFlight('BF118', date, { ...flight, capacity: 7 })).status).toBe(201);
    await eventually(
      async () =>
        expect((await user.changeFare('BF118', date, { amount: '90.00', currency: 'USD' })).status).toBe(201),
      10_000,
    );
    await eventually(
      async () => expect(await user.flight(bf118, date)).toMatchObject({ seatsAvailable: 2 }),
      10_000,
    );

    const { context, page } = await open();
    await page.goto(`${site()}/book?origin=BOS&destination=SFO&date=${date}&passengers=2&flightNumber=BF118`);
    for (const index of [0, 1]) {
      await page.locator(`[id="passengers.${index}.firstName"]`).fill(['Ada', 'Noor'][index]);
      await page.locator(`[id="passengers.${index}.lastName"]`).fill('Franc');
    }
    await user.booked(bf118, date, 1);
    await page.getByRole('button', { name: /^Book and pay/ }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      `Not enough seats on BF118 on ${date}: 2 asked, 1 left`,
    );
    await expectAccessible(page);

    await page.goto(`${site()}/?origin=BOS&destination=SFO&date=${date}&passengers=2`);
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `No flight from BOS to SFO on ${date} has 2 seats left. Try another date.`,
    );
    await page.goto(`${site()}/?origin=NYC&destination=SFO&date=2026-13-45&passengers=1`);
    await expect(page.locator('[id="date-error"]').textContent()).resolves.toMatch(/^Date /);
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Please correct the fields marked below.',
    );
    await context.close();
  });

  it('answers a link to no page with a page that says so and leads back; the edge keeps problem+json', async () => {
    const { context, page } = await open();
    const answer = await page.goto(`${site()}/booking/K7M4QX`);
    expect(answer?.status()).toBe(404);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('We found no such page.');
    await page.getByRole('link', { name: 'Back to the flight search' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Find a flight');
    await expectAccessible(page);
    await context.close();
    const api = await fetch(`${site()}/api/nowhere`, { headers: { accept: 'text/html' } });
    expect([api.status, api.headers.get('content-type')]).toEqual([
      404,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
  });

  it('refuses a form posted without its CSRF token (as another site could make a browser post it), changing nothing', async () => {
    const booking = await user.booked({ flightNumber: 'BF105', origin: 'NYC' }, daysFromToday(3), 1);
    const forged = await fetch(`${site()}/bookings/${booking.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=forged',
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('This form has expired');
    expect(await user.bookingStatus(booking.id)).toBe('CONFIRMED');
  });

  it('with booking stopped, a booking page says to try again shortly, and the search still works', async () => {
    const booking = await user.booked({ flightNumber: 'BF106', origin: 'NYC' }, daysFromToday(3), 1);
    const { context, page } = await open();
    await stack.compose('stop', 'booking');
    try {
      await eventually(async () => {
        const response = await page.goto(`${site()}/bookings/${booking.id}`);
        expect(response?.status()).toBe(503);
      }, 30_000);
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not available right now/);
      expect(await page.content()).not.toMatch(/Error:|at \w+ \(/);
      await search(page, daysFromToday(3), 1);
      await expect(page.getByRole('listitem').filter({ hasText: 'BF101' }).count()).resolves.toBe(1);
    } finally {
      await stack.compose('up', '--detach', '--wait', 'booking');
      await context.close();
    }
  });
});
