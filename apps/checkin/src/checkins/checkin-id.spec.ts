import { checkinIdOf, nameBasedUuid } from './checkin-id';

describe('check-in ids', () => {
  it('are RFC 9562 version 5 UUIDs', () => {
    // The RFC's DNS namespace and a published vector.
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('are the same for a booking every time, in any case, and differ between bookings', () => {
    const booking = '0b7c6a8e-2f1d-4c3b-9a5e-7d6f8e9a0b1c';
    expect(checkinIdOf(booking)).toBe(checkinIdOf(booking.toUpperCase()));
    expect(checkinIdOf(booking)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(checkinIdOf(booking)).not.toBe(checkinIdOf('1b7c6a8e-2f1d-4c3b-9a5e-7d6f8e9a0b1c'));
  });
});
