import { parseAutoscaling } from './autoscaling-policy';

const parse = (file: unknown) => parseAutoscaling(JSON.stringify(file), 5);
const search = { enabled: true, minReplicas: 1, maxReplicas: 3, target: 200 };

describe('an autoscaling file', () => {
  it('enables only the policies marked enabled, with defaults for what they leave out', () => {
    const parsed = parse({ $comment: ['notes'], services: { search, fares: { ...search, enabled: false } } });
    expect(parsed).toEqual({
      settings: {
        evaluateEverySeconds: 15,
        policies: new Map([
          [
            'search',
            expect.objectContaining({
              ...search,
              metric: 'requests-per-second',
              windowSeconds: 60,
              coolDownSeconds: 180,
            }),
          ],
        ]),
      },
    });
  });

  it('names each field at fault, a misspelt one too', () => {
    const parsed = parse({
      evaluateEverySeconds: 0,
      services: {
        search: { ...search, metric: 'cpu', maxReplica: 2 },
        fares: { ...search, minReplicas: 4 },
        booking: { ...search, maxReplicas: 9 },
        checkin: 'on',
      },
    });
    expect(parsed).toEqual({
      problems: expect.arrayContaining([
        expect.stringMatching(/^evaluateEverySeconds: /),
        expect.stringMatching(/^services\.search\.metric: /),
        expect.stringMatching(/^services\.search\.maxReplica: /),
        'services.fares.maxReplicas: must not be below minReplicas (4)',
        'services.booking.maxReplicas: must not exceed LIFECYCLE_MAX_REPLICAS (5)',
        'services.checkin: must be an object',
      ]),
    });
    expect('problems' in parsed && parsed.problems).toHaveLength(6);
  });

  it('is refused whole when it is not a JSON object', () => {
    expect(parseAutoscaling('{"services": ', 5)).toEqual({ problems: [expect.stringMatching(/^not JSON/)] });
    expect(parse([search])).toEqual({ problems: ['the file: must be a JSON object'] });
  });
});
