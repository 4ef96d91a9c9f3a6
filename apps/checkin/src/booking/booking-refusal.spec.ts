import { HttpException } from '@nestjs/common';
import { refusalOf } from './booking-refusal';

const answer = (status: number, detail?: string) =>
  new Response(detail === undefined ? 'oops' : JSON.stringify({ status, detail }), { status });

const statusOf = async (response: Response) => ((await refusalOf(response)) as HttpException).getStatus();

describe("check-in's answer to a refusal of booking's", () => {
  it('is 404 for no such booking', async () => {
    expect(await statusOf(answer(404, 'No booking x'))).toBe(404);
  });

  it('passes a conflict on with booking’s detail', async () => {
    const refusal = (await refusalOf(answer(409, 'Booking x is cancelled'))) as HttpException;
    expect([refusal.getStatus(), refusal.message]).toEqual([409, 'Booking x is cancelled']);
  });

  it.each([400, 422])('is 400 for %i: booking refused the values the passenger sent', async (status) => {
    const refusal = (await refusalOf(answer(status, 'checkinId must be a UUID'))) as HttpException;
    expect([refusal.getStatus(), refusal.message]).toEqual([
      400,
      'The booking service refused the request: checkinId must be a UUID',
    ]);
  });

  it.each([500, 502, 503, 504, 429])('is 503 (try again) for %i', async (status) => {
    expect(await statusOf(answer(status))).toBe(503);
  });

  it.each([401, 403, 405, 415])(
    'is 502 for %i: booking refused check-in, not the passenger',
    async (status) => {
      expect(await statusOf(answer(status, 'no'))).toBe(502);
    },
  );
});
