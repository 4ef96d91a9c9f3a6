import { basicAuthorization, BasicCredentials } from './basic-credentials';

describe('BasicCredentials', () => {
  const account = new BasicCredentials('fares', 'pa:ss wörd');

  it('matches the HTTP basic header of its user name and password, whatever the scheme case', () => {
    expect(account.matches(basicAuthorization('fares', 'pa:ss wörd'))).toBe(true);
    expect(account.matches(basicAuthorization('fares', 'pa:ss wörd').replace('Basic', 'basic'))).toBe(true);
  });

  it.each([
    ['another password', basicAuthorization('fares', 'pa:ss word')],
    ['another user', basicAuthorization('fare', 'spa:ss wörd')],
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a malformed header', 'Basic !!!'],
  ])('refuses %s', (_case, header) => {
    expect(account.matches(header)).toBe(false);
  });
});
