import { acceptOrCreateRequestId, currentRequestId, runWithRequestId } from './request-context';

describe('request id', () => {
  it('keeps a well-formed incoming id', () => {
    expect(acceptOrCreateRequestId('abc-123')).toBe('abc-123');
    expect(acceptOrCreateRequestId(['first', 'second'])).toBe('first');
  });

  it('replaces a missing, overlong or unsafe id with a new UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(acceptOrCreateRequestId(undefined)).toMatch(uuid);
    expect(acceptOrCreateRequestId('x'.repeat(129))).toMatch(uuid);
    expect(acceptOrCreateRequestId('evil\nline')).toMatch(uuid);
  });

  it('is visible to asynchronous work started inside the request only', async () => {
    const seen = await runWithRequestId('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentRequestId();
    });
    expect(seen).toBe('req-1');
    expect(currentRequestId()).toBeUndefined();
  });
});
