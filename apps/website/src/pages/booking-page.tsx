import type { BookingSummary } from '@pss/contracts';
import { CsrfField, Layout, Notice } from './layout';
import { formatMoney } from './wording';

const STATUS_WORDS: Record<BookingSummary['status'], string> = {
  CONFIRMED: 'Confirmed',
  CHECKED_IN: 'Checked in',
  CANCELLED: 'Cancelled',
};

export interface BookingPageProps {
  booking: BookingSummary;
  csrfToken: string;
  notice?: string;
  problem?: string;
}

/** A booking: its reference, flight, passengers and status, and what can be done with it now. */
export function BookingPage({ booking, csrfToken, notice, problem }: BookingPageProps) {
  const open = booking.status === 'CONFIRMED';
  return (
    <Layout title={`Booking ${booking.reference}`}>
      {notice && <Notice tone="info">{notice}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      <section class="card" aria-label="Booking">
        <table>
          <tbody>
            <tr>
              <th scope="row">Booking reference</th>
              <td>
                <strong class="reference">{booking.reference}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">Status</th>
              <td class="status">{STATUS_WORDS[booking.status]}</td>
            </tr>
            <tr>
              <th scope="row">Flight</th>
              <td>
                {booking.flightNumber} {booking.origin} → {booking.destination} on {booking.flightDate}
              </td>
            </tr>
            <tr>
              <th scope="row">Fare</th>
              <td>{formatMoney(booking.fare)} per passenger</td>
            </tr>
            <tr>
              <th scope="row">Passengers</th>
              <td>
                <ol>
                  {booking.passengers.map((passenger, index) => (
                    <li key={index}>
                      {passenger.firstName} {passenger.lastName}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          </tbody>
        </table>
        <div class="actions">
          {open && (
            <a class="button" href={`/bookings/${booking.id}/checkin`}>
              Check in
            </a>
          )}
          {booking.status === 'CHECKED_IN' && (
            <form method="post" action={`/bookings/${booking.id}/checkin`}>
              <CsrfField token={csrfToken} />
              <button type="submit">Boarding passes</button>
            </form>
          )}
          {open && (
            <form method="post" action={`/bookings/${booking.id}/cancel`}>
              <CsrfField token={csrfToken} />
              <button type="submit" class="secondary">
                Cancel booking
              </button>
            </form>
          )}
        </div>
      </section>
    </Layout>
  );
}
