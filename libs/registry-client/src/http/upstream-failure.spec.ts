import { HttpStatus } from '@nestjs/common';
import { InvalidInputException } from '@pss/platform';
import { upstreamFailure } from './upstream-failure';

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });

describe('upstreamFailure', () => {
  it('answers a 400 of the other service as a 400 naming the fields it named, never as a 503', async () => {
    const failure = await upstreamFailure(
      'booking',
      answer(400, {
        status: 400,
        errors: [{ field: 'lastName', detail: 'lastName must be 1 to 60 characters' }],
      }),
    );
    expect(failure).toBeInstanceOf(InvalidInputException);
    expect((failure as InvalidInputException).fields).toEqual([
      { field: 'lastName', detail: 'lastName must be 1 to 60 characters' },
    ]);
  });

  it('answers a 400 without fields, or not JSON at all, as a 400 with its detail', async () => {
    const failure = await upstreamFailure('booking', answer(422, { detail: 'no such flight' }));
    expect([failure.getStatus(), failure.message]).toEqual([
      400,
      'The booking service refused the request: no such flight',
    ]);
    expect((await upstreamFailure('booking', new Response('<html>', { status: 400 }))).getStatus()).toBe(400);
  });

  it('answers a service that cannot serve now with 503, and one that refuses the call itself with 502', async () => {
    expect((await upstreamFailure('booking', answer(500))).getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect((await upstreamFailure('booking', answer(429))).getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect((await upstreamFailure('booking', answer(403))).getStatus()).toBe(HttpStatus.BAD_GATEWAY);
  });
});
