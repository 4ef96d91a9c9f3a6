import type { BookingSummary } from '@pss/contracts';
import type { SeatMap } from '../services/pss-services';
import { CsrfField, Layout, Notice } from './layout';

export const ANY_SEAT = 'any';

export interface CheckinPageProps {
  booking: BookingSummary;
  seatMap: SeatMap;
  /** The seat each passenger asked for (by position from 0), kept when the page comes back. */
  wanted: string[];
  csrfToken: string;
  problem?: string;
}

/** Check-in: a seat for each passenger on the seat map, or any free one. */
export function CheckinPage({ booking, seatMap, wanted, csrfToken, problem }: CheckinPageProps) {
  return (
    <Layout title={`Check in for ${booking.flightNumber}`}>
      <p>
        {booking.flightNumber} {booking.origin} → {booking.destination} on {booking.flightDate} · booking{' '}
        {booking.reference} · {seatMap.freeSeats} seats free
      </p>
      {problem && <Notice tone="error">{problem}</Notice>}
      <form class="card" method="post" action={`/bookings/${booking.id}/checkin`}>
        <CsrfField token={csrfToken} />
        {booking.passengers.map((passenger, index) => (
          <SeatChoice
            key={index}
            name={`seat.${index}`}
            passenger={`${passenger.firstName} ${passenger.lastName}`}
            seatMap={seatMap}
            chosen={wanted[index] ?? ANY_SEAT}
          />
        ))}
        <div class="actions">
          <button type="submit">Check in</button>
        </div>
      </form>
    </Layout>
  );
}

function SeatChoice({
  name,
  passenger,
  seatMap,
  chosen,
}: {
  name: string;
  passenger: string;
  seatMap: SeatMap;
  chosen: string;
}) {
  const rows = Array.from({ length: seatMap.rows }, (_, row) => row + 1);
  const free = new Map(seatMap.seats.map((seat) => [seat.seat, seat.free]));
  return (
    <fieldset>
      <legend>Seat for {passenger}</legend>
      <label class="any">
        <input type="radio" name={name} value={ANY_SEAT} checked={chosen === ANY_SEAT} /> Any free seat
      </label>
      <div class={`seatmap letters-${seatMap.letters.length}`} role="group" aria-label="Seat map">
        {rows.map((row) => [
          <span key={`row-${row}`} class="row" aria-hidden="true">
            {row}
          </span>,
          ...[...seatMap.letters].map((letter) => {
            const seat = `${row}${letter}`;
            if (!free.has(seat)) return <span key={seat} />;
            return (
              <label key={seat} class="seat">
                <input
                  type="radio"
                  name={name}
                  value={seat}
                  checked={chosen === seat}
                  disabled={!free.get(seat)}
                  aria-label={`Seat ${seat}${free.get(seat) ? '' : ', taken'}`}
                />
                <span aria-hidden="true">{seat}</span>
              </label>
            );
          }),
        ])}
      </div>
    </fieldset>
  );
}
