import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, eventually } from '@pss/testing';

const stack = systemStack();
const user = new PssUser(stack);
const BF105 = { flightNumber: 'BF105', origin: 'NYC' };
/** The database readiness check's last result in a scrape of /metrics. */
const databaseCheckIn = (metrics: string) =>
  /^readiness_check_up\{check="database"[^}]*\} (\d+)$/m.exec(metrics)?.[1];

describe("booking's database stopped and started again", () => {
  afterAll(async () => {
    await stack.compose('up', '--detach', '--wait', 'booking-db');
  });

  it('makes booking not ready and not UP in the registry, answers 503 without a write, keeps its metrics, then recovers', async () => {
    const date = daysFromToday(32);
    const ready = async () => (await fetch(`${stack.url('booking')}/health/ready`)).status;
    const registered = async () =>
      (await user.instances('discovery-2', 'BOOKING')).map((instance) => instance.status);
    // The drill before this one restarted RabbitMQ, which every service's readiness checks: start
    // once booking is ready and takes bookings again (it finds fares UP in the registry), on
    // another date than the one counted.
    await eventually(async () => expect(await ready()).toBe(200), 60_000);
    await eventually(
      async () => expect(await user.book(BF105, daysFromToday(33), 1)).toMatchObject({ status: 201 }),
      60_000,
    );
    const seatsBefore = await user.seatsLeft(BF105, date);

    await stack.compose('stop', 'booking-db');
    await eventually(async () => expect(await ready()).toBe(503), 20_000);
    await eventually(async () => expect(await registered()).toEqual(['DOWN']), 20_000);
    const refused = await user.book(BF105, date, 1);
    expect(refused).toMatchObject({ status: 503 });
    // Its metrics answer through the outage: the 503 counted, the database check down (what an
    // alert names), the outbox's gauge at its last count.
    const scrape = await fetch(`${stack.url('booking')}/metrics`);
    const metrics = await scrape.text();
    expect({
      status: scrape.status,
      outbox: /^messaging_outbox_unsent_events\{[^}]*\} \d+$/m.test(metrics),
      databaseCheck: databaseCheckIn(metrics),
    }).toEqual({ status: 200, outbox: true, databaseCheck: '0' });
    expect(metrics).toMatch(
      /^http_requests_total\{[^}]*route="\/bookings"[^}]*status_code="503"[^}]*\} [1-9]/m,
    );

    await stack.compose('start', 'booking-db');
    await eventually(async () => expect(await ready()).toBe(200), 60_000);
    await eventually(async () => expect(await registered()).toEqual(['UP']), 20_000);
    const recovered = await (await fetch(`${stack.url('booking')}/metrics`)).text();
    expect(databaseCheckIn(recovered)).toBe('1');
    // The refused booking wrote nothing: the seats search shows are one fewer only after this one.
    expect(await user.book(BF105, date, 1)).toMatchObject({ status: 201 });
    await eventually(async () => expect(await user.seatsLeft(BF105, date)).toBe(seatsBefore - 1), 10_000);
  });
});
