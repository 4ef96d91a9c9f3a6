import { newBookingReference, REFERENCE_ALPHABET } from './booking-reference';

describe('booking references', () => {
  it('are six characters none of which can be misread', () => {
    const references = Array.from({ length: 1_000 }, newBookingReference);
    for (const reference of references) expect(reference).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{6}$`));
    expect(REFERENCE_ALPHABET).not.toMatch(/[0O1IL5S8B]/);
    expect(new Set(references).size).toBeGreaterThan(990);
  });
});
