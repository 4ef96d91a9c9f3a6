import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, eventually } from '@pss/testing';

const stack = systemStack();
const user = new PssUser(stack);
const SERVICES = ['FARES', 'SEARCH', 'BOOKING', 'CHECKIN'];

describe('one registry peer killed', () => {
  afterAll(async () => {
    await stack.compose('up', '--detach', '--wait', 'discovery-1');
  });

  it('changes nothing for users: services restarted meanwhile register with the other peer and are found there', async () => {
    await stack.compose('kill', 'discovery-1');
    await stack.compose('restart', 'fares');
    await eventually(async () => {
      expect((await user.instances('discovery-2', 'FARES')).map((instance) => instance.status)).toEqual([
        'UP',
      ]);
    }, 30_000);

    // Booking finds the new fares instance, check-in finds booking: all through discovery-2.
    const date = daysFromToday(1);
    const booking = await user.booked({ flightNumber: 'BF106', origin: 'NYC' }, date, 2);
    const checkin = await user.createCheckin(booking.id);
    expect(checkin.status).toBe(201);
    await eventually(async () => expect(await user.bookingStatus(booking.id)).toBe('CHECKED_IN'), 5_000);
    await eventually(async () => expect((await user.scrapedInstances()).fares).toBe(1), 30_000);
  });

  it('lists everything again on the killed peer once it is back, copied from the other', async () => {
    await stack.compose('start', 'discovery-1');
    for (const app of SERVICES)
      await eventually(async () => {
        expect((await user.instances('discovery-1', app)).map((instance) => instance.status)).toEqual(['UP']);
      }, 60_000);
  });
});
