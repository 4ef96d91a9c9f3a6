import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@pss/platform';

/**
 * A seat for each of `passengers` (positions 1..n): the one a passenger wants if it is free, else
 * the first free seat from the front. A wanted seat that is taken, or a cabin without enough free
 * seats, refuses the whole check-in.
 */
export function assignSeats(
  cabin: readonly string[],
  taken: ReadonlySet<string>,
  wanted: ReadonlyMap<number, string>,
  passengers: number,
): string[] {
  const held = new Set(taken);
  for (const [, seat] of wanted) {
    if (!cabin.includes(seat))
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `There is no seat ${seat} on this aircraft`,
      );
    if (held.has(seat)) throw new ProblemException(HttpStatus.CONFLICT, `Seat ${seat} is taken`, { seat });
    held.add(seat);
  }
  const free = cabin.filter((seat) => !held.has(seat));
  const unwanted = Array.from({ length: passengers }, (_, i) => i + 1).filter(
    (position) => !wanted.has(position),
  );
  if (free.length < unwanted.length)
    throw new ProblemException(HttpStatus.CONFLICT, 'Not enough free seats on this flight');
  let next = 0;
  return Array.from({ length: passengers }, (_, i) => wanted.get(i + 1) ?? free[next++]);
}
