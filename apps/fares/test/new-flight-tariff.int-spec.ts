import { createIntegrationEvent } from '@pss/contracts';
import { bulkScheduledEvent, publishEvents, scheduledFlightEvent } from '@pss/messaging/testing';
import { daysFromToday, waitUntil } from '@pss/testing';
import { DataSource } from 'typeorm';
import { startFares, type RunningFares } from './fares-app';

describe('fares with FARES_NEW_FLIGHT_TARIFF=block-time', () => {
  let fares: RunningFares;
  let dataSource: DataSource;
  // A quiet day, at base price: a Tuesday, Wednesday or Thursday outside July, August and December.
  const flightDate = Array.from({ length: 120 }, (_, i) => daysFromToday(45 + i)).find((date) => {
    const day = new Date(`${date}T00:00:00Z`);
    return [2, 3, 4].includes(day.getUTCDay()) && ![6, 7, 11].includes(day.getUTCMonth());
  });

  beforeAll(async () => {
    fares = await startFares(undefined, { FARES_NEW_FLIGHT_TARIFF: 'block-time' });
    dataSource = fares.app.get(DataSource);
  }, 120_000);

  afterAll(() => fares?.close());

  it("files a flight the book's tariff does not list at once, by its block time, and announces it", async () => {
    const departsAt = new Date(`${flightDate}T10:00:00Z`);
    const scheduled = createIntegrationEvent('flight.scheduled', {
      flightNumber: 'BF1000',
      flightDate: String(flightDate),
      origin: 'QVK',
      destination: 'KJG',
      departsAt: departsAt.toISOString(),
      arrivesAt: new Date(departsAt.getTime() + 200 * 60_000).toISOString(),
      capacity: 180,
      scheduleVersion: 1,
    });
    await publishEvents(fares.brokerUrl, [scheduled]);
    await waitUntil(
      'the fare of BF1000 announced',
      async () =>
        (
          await dataSource.query(
            `SELECT 1 FROM outbox_messages WHERE event_type = 'fare.changed' AND aggregate_id = $1
                AND sent_at IS NOT NULL`,
            [`BF1000/${flightDate}`],
          )
        ).length === 1,
      10_000,
    );
    const response = await fetch(`${fares.baseUrl}/fares?flightNumber=BF1000&flightDate=${flightDate}`);
    // 49 + 0.45 × 200 minutes
    expect(await response.json()).toEqual({
      flightNumber: 'BF1000',
      flightDate,
      fare: { amount: '139.00', currency: 'USD' },
    });
  });

  it("files every flight of a day's flight.bulk-scheduled by its block time, announced in one fare.bulk-changed", async () => {
    const departsAt = new Date(`${flightDate}T10:00:00Z`);
    const flight = (flightNumber: string, minutes: number) =>
      scheduledFlightEvent(flightNumber, String(flightDate), {
        departsAt: departsAt.toISOString(),
        arrivesAt: new Date(departsAt.getTime() + minutes * 60_000).toISOString(),
      });
    await publishEvents(fares.brokerUrl, [
      bulkScheduledEvent([flight('BF1001', 100), flight('BF1002', 300)]),
    ]);
    const announced = async (): Promise<{ flightNumber: string; fareVersion: number }[][]> =>
      (
        await dataSource.query(
          `SELECT payload->'payload'->'fares' AS fares FROM outbox_messages
            WHERE event_type = 'fare.bulk-changed' AND aggregate_id = $1 AND sent_at IS NOT NULL`,
          [`fares/${flightDate}`],
        )
      ).map((row: { fares: { flightNumber: string; fareVersion: number }[] }) => row.fares);
    await waitUntil(
      'the fares of BF1001 and BF1002 announced',
      async () => (await announced()).length === 1,
      10_000,
    );
    const [announcedFares] = await announced();
    expect(announcedFares.map(({ flightNumber, fareVersion }) => [flightNumber, fareVersion])).toEqual([
      ['BF1001', 1],
      ['BF1002', 1],
    ]);
    const fareOf = async (flightNumber: string) =>
      (
        (await (
          await fetch(`${fares.baseUrl}/fares?flightNumber=${flightNumber}&flightDate=${flightDate}`)
        ).json()) as { fare: { amount: string } }
      ).fare.amount;
    // 49 + 0.45 × 100 and 49 + 0.45 × 300 minutes
    expect([await fareOf('BF1001'), await fareOf('BF1002')]).toEqual(['94.00', '184.00']);
  });

  it("still files the book's fare for the book's flights", async () => {
    const response = await fetch(`${fares.baseUrl}/fares?flightNumber=BF101&flightDate=${daysFromToday(1)}`);
    expect(((await response.json()) as { fare: { amount: string } }).fare.amount).toBe('101.00');
  });
});
