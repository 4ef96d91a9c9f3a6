import { ConfigurationError } from '@pss/platform';
import { basicAuthorization } from '@pss/platform';
import { parseClientAccounts } from './client-accounts';

const parse = (text: string) => parseClientAccounts(text, 'REGISTRY_ACCOUNTS');
const problemsOf = (text: string): string[] => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseClientAccounts', () => {
  it('reads one account a line, skipping blank lines and comments, with application names upper-cased', () => {
    const accounts = parse(
      [
        '# service accounts',
        '',
        '  fares   fares-password-1  FARES ',
        'booking\tbooking-password booking,Audit',
        '',
      ].join('\n'),
    );
    expect(accounts.map(({ credentials, apps }) => [credentials.username, [...apps]])).toEqual([
      ['fares', ['FARES']],
      ['booking', ['BOOKING', 'AUDIT']],
    ]);
    expect(accounts[0].credentials.matches(basicAuthorization('fares', 'fares-password-1'))).toBe(true);
  });

  it("reads `<APP>:status` as a grant of that application's status overrides alone", () => {
    const [account] = parse('lifecycle lifecycle-password LIFECYCLE,fares:status,SEARCH:status');
    expect([...account.apps]).toEqual(['LIFECYCLE']);
    expect([...account.statusApps]).toEqual(['FARES', 'SEARCH']);
  });

  it('accepts Windows line ends and a password holding a colon', () => {
    const [account] = parse('fares pass:word:long FARES\r\n');
    expect(account.credentials.matches(basicAuthorization('fares', 'pass:word:long'))).toBe(true);
  });

  it('names the variable and line of each problem, and never quotes a field', () => {
    const secret = 'a-secret-password';
    const text = [
      'fares fares-password-1 FARES',
      `${secret} FARES`,
      `booking ${secret} BOOKING # booking`,
      'checkin short CHECKIN',
      `search:x ${secret} SEARCH`,
      `fares ${secret} FARES`,
      `website ${secret} WEB/SITE`,
      `caller ${secret} A,,B`,
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      'REGISTRY_ACCOUNTS line 2: expected <username> <password> <APP>[,<APP>...]',
      'REGISTRY_ACCOUNTS line 3: expected <username> <password> <APP>[,<APP>...]',
      'REGISTRY_ACCOUNTS line 4: the password must be at least 12 characters',
      'REGISTRY_ACCOUNTS line 5: the user name must hold no colon',
      'REGISTRY_ACCOUNTS line 6: the same user name as line 1',
      'REGISTRY_ACCOUNTS line 7: application names are letters, digits, dots, dashes and underscores, comma-separated',
      'REGISTRY_ACCOUNTS line 8: application names are letters, digits, dots, dashes and underscores, comma-separated',
    ]);
    expect(problems.join('\n')).not.toMatch(/secret|short|search|website/);
  });

  it('refuses a list without any account', () => {
    expect(problemsOf('# nobody yet\n\n')).toEqual([
      'REGISTRY_ACCOUNTS holds no account (<username> <password> <APP>[,<APP>...])',
    ]);
  });
});
