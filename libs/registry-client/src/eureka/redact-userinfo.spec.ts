import { redactUserinfo } from './redact-userinfo';

describe('redactUserinfo', () => {
  it('hides user and password of every URL in a text, and leaves other text alone', () => {
    expect(
      redactUserinfo(
        'at http://fares:s3cret@discovery-1:8761/eureka/, https://a:b@d2/eureka/ and user@example',
      ),
    ).toBe('at http://***@discovery-1:8761/eureka/, https://***@d2/eureka/ and user@example');
  });
});
