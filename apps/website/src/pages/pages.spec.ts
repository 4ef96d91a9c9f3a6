import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { BookPage } from './book-page';
import { SearchPage } from './search-page';
import { messageFor } from './wording';

const flight = {
  flightNumber: 'BF101',
  origin: 'NYC',
  destination: 'SFO',
  date: '2026-12-05',
  departureTime: '2026-12-05T13:00:00.000Z',
  arrivalTime: '2026-12-05T19:25:00.000Z',
  fare: { amount: '101.00', currency: 'USD' },
  seatsAvailable: 95,
};

describe('the pages', () => {
  it('shows a service’s message beside the field it names, as a sentence', () => {
    const html = render(
      h(SearchPage, {
        query: { origin: 'NYC', destination: 'SFO', date: 'tomorrow', passengers: '1' },
        errors: [{ field: 'date', detail: 'date must be a date (YYYY-MM-DD)' }],
      }),
    );
    expect(html).toContain('<span class="error" id="date-error">Date must be a date (YYYY-MM-DD).</span>');
    expect(html).toContain('aria-describedby="date-error"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('escapes what a passenger typed', () => {
    const html = render(
      h(BookPage, {
        flight,
        fare: flight.fare,
        passengers: [{ firstName: '<script>alert(1)</script>', lastName: 'Franc', gender: 'Female' }],
        idempotencyKey: 'k',
        csrfToken: 't',
      }),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('totals the fare of every passenger without floating point', () => {
    const html = render(
      h(BookPage, {
        flight,
        fare: { amount: '0.10', currency: 'USD' },
        passengers: Array.from({ length: 3 }, () => ({ firstName: '', lastName: '', gender: 'Female' })),
        idempotencyKey: 'k',
        csrfToken: 't',
      }),
    );
    expect(html).toContain('Book and pay USD 0.30');
  });

  it('takes the first problem of a field or of a field within it', () => {
    const problems = [
      { field: 'passengers.0.firstName', detail: 'firstName must not be empty' },
      { field: 'passengers.0.firstName', detail: 'firstName is too long' },
    ];
    expect(messageFor(problems, 'passengers.0.firstName')).toBe('FirstName must not be empty.');
    expect(messageFor(problems, 'passengers')).toBe('FirstName must not be empty.');
    expect(messageFor(problems, 'passengers.1.firstName')).toBeUndefined();
  });
});
