import { connectAgainUntil } from './startup-wait';

describe('connectAgainUntil', () => {
  const at = (time: number) => connectAgainUntil(1_000, () => time);

  it.each([
    [
      'refused (nothing listens yet)',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a host name not resolvable yet',
      Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    ],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    [
      'the database starting up',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
  ])('tries again before the deadline: %s', (_, error) => {
    expect(at(999)(error)).toBe(true);
  });

  it('stops trying at the deadline', () => {
    expect(at(1_000)(new Error('Connection terminated unexpectedly'))).toBe(false);
  });

  it.each([
    ['a wrong password', '28P01'],
    ['an unknown user', '28000'],
    ['no such database', '3D000'],
  ])('stops at once on a refusal that waiting cannot end: %s', (_, code) => {
    expect(at(0)(Object.assign(new Error('refused'), { code }))).toBe(false);
  });
});
