import { assignSeats } from './assign-seats';

const cabin = ['1A', '1B', '1C', '2A', '2B', '2C'];

describe('assignSeats', () => {
  it('gives the wanted seats and fills the others from the front', () => {
    expect(assignSeats(cabin, new Set(['1A']), new Map([[2, '2C']]), 3)).toEqual(['1B', '2C', '1C']);
  });

  it('refuses a wanted seat that is taken, one that does not exist, and a full cabin', () => {
    expect(() => assignSeats(cabin, new Set(['2C']), new Map([[1, '2C']]), 1)).toThrow('Seat 2C is taken');
    expect(() => assignSeats(cabin, new Set(), new Map([[1, '9Z']]), 1)).toThrow(
      'There is no seat 9Z on this aircraft',
    );
    expect(() => assignSeats(cabin, new Set(cabin.slice(1)), new Map(), 2)).toThrow(
      'Not enough free seats on this flight',
    );
  });

  it('never gives one seat twice in a check-in', () => {
    expect(() =>
      assignSeats(
        cabin,
        new Set(),
        new Map([
          [1, '1A'],
          [2, '1A'],
        ]),
        2,
      ),
    ).toThrow('Seat 1A is taken');
  });
});
