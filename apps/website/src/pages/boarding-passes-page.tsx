import type { Checkin } from '../services/pss-services';
import { Layout } from './layout';

/** The boarding passes of a check-in, one per passenger, ready to print. */
export function BoardingPassesPage({ checkin }: { checkin: Checkin }) {
  return (
    <Layout title="Your boarding passes">
      {checkin.boardingPasses.map((pass) => (
        <section
          class="pass"
          key={pass.boardingReference}
          aria-label={`Boarding pass of ${pass.firstName} ${pass.lastName}`}
        >
          <dl>
            <div>
              <dt>Passenger</dt>
              <dd>
                {pass.firstName} {pass.lastName}
              </dd>
            </div>
            <div>
              <dt>Flight</dt>
              <dd>{pass.flightNumber}</dd>
            </div>
            <div>
              <dt>Date</dt>
              <dd>{pass.flightDate}</dd>
            </div>
            <div>
              <dt>Seat</dt>
              <dd class="seat-number">{pass.seat}</dd>
            </div>
            <div>
              <dt>Boarding reference</dt>
              <dd>{pass.boardingReference}</dd>
            </div>
          </dl>
        </section>
      ))}
      <div class="actions">
        <button type="button" data-print>
          Print boarding passes
        </button>
        <a href={`/bookings/${checkin.bookingId}`}>Back to the booking</a>
      </div>
      <script src="/assets/print.js" defer />
    </Layout>
  );
}
