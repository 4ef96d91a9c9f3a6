import { createValidationPipe, InvalidInputException } from '@pss/platform';
import { CreateCheckinRequest } from './create-checkin.request';

const BOOKING_ID = '8c3f6a1e-2b4d-4c9e-9f1a-3d5e7b9c1a2f';

async function fieldsRefused(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: CreateCheckinRequest });
    return [];
  } catch (error) {
    if (!(error instanceof InvalidInputException)) throw error;
    return error.fields.map((problem) => problem.field);
  }
}

describe('CreateCheckinRequest', () => {
  it('takes the booking by id, or by reference and last name', async () => {
    expect(await fieldsRefused({ bookingId: BOOKING_ID })).toEqual([]);
    expect(await fieldsRefused({ reference: 'K7M4QX', lastName: 'Franc' })).toEqual([]);
  });

  it('validates both forms when both are given, and refuses giving both', async () => {
    expect(await fieldsRefused({ bookingId: 'nope', reference: 'x' })).toEqual(
      expect.arrayContaining(['bookingId', 'reference', 'lastName']),
    );
    expect(await fieldsRefused({ bookingId: BOOKING_ID, reference: 'K7M4QX', lastName: 'Franc' })).toEqual([
      'reference',
      'lastName',
    ]);
  });

  it('names every field of a booking named neither way, or half a way', async () => {
    expect(await fieldsRefused({})).toEqual(['bookingId', 'reference', 'lastName']);
    expect(await fieldsRefused({ reference: 'K7M4QX' })).toEqual(['lastName']);
    expect(await fieldsRefused({ lastName: 'Franc' })).toEqual(['reference']);
    expect(await fieldsRefused({ bookingId: null })).toEqual(['bookingId']);
    expect(await fieldsRefused({ reference: 'K7M4QX', lastName: 'a\uFE0F'.repeat(60) })).toEqual([
      'lastName',
    ]);
  });
});
