/**
 * The service accounts of the registry the tests start, each allowed to write only these
 * applications: one per app of the workspace, and one per made-up application of the registry's
 * and the registry client's own tests. testRegistryEnv adds others (a generated service, say).
 */
export const TEST_REGISTRY_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  fares: ['FARES'],
  search: ['SEARCH'],
  booking: ['BOOKING'],
  checkin: ['CHECKIN'],
  website: ['WEBSITE'],
  jqservice: ['JQSERVICE'],
  demo: ['DEMO'],
  tiny: ['TINY'],
  caller: ['CALLER'],
};

/** A service account's name (see TEST_REGISTRY_CLIENTS), or the operator's, or the peers'. */
export type RegistryAccount = string;

const USERNAMES: Record<string, string> = { operator: 'pss-operator', peer: 'pss-peer' };
const usernameOf = (account: RegistryAccount): string => USERNAMES[account] ?? account;

/** Every test password holds this, so a test can look for any of them in a log. */
export const TEST_SECRET_MARK = 'secret-of-the-tests';

export const registryPassword = (account: RegistryAccount): string => `${account}-${TEST_SECRET_MARK}`;

/**
 * The registry's variables for the tests' accounts: the service accounts (and `more`: account name
 * to the applications it may write), the operator and the peer account.
 */
export function testRegistryEnv(more: Record<string, readonly string[]> = {}): Record<string, string> {
  const clients = { ...TEST_REGISTRY_CLIENTS, ...more };
  return {
    REGISTRY_ACCOUNTS: Object.entries(clients)
      .map(([name, apps]) => `${name} ${registryPassword(name)} ${apps.join(',')}`)
      .join('\n'),
    REGISTRY_OPERATOR_USERNAME: usernameOf('operator'),
    REGISTRY_OPERATOR_PASSWORD: registryPassword('operator'),
    REGISTRY_PEER_USERNAME: usernameOf('peer'),
    REGISTRY_PEER_PASSWORD: registryPassword('peer'),
  };
}

export const TEST_REGISTRY_ENV: Readonly<Record<string, string>> = testRegistryEnv();

/** `url` with an account's credentials as userinfo, as DISCOVERY_URLS carries them. */
export function withRegistryCredentials(url: string, account: RegistryAccount): string {
  const withUserinfo = new URL(url);
  withUserinfo.username = usernameOf(account);
  withUserinfo.password = registryPassword(account);
  return withUserinfo.href;
}

/** The Authorization header of an account (fetch refuses URLs that carry credentials). */
export function registryAuthorization(account: RegistryAccount): string {
  return `Basic ${Buffer.from(`${usernameOf(account)}:${registryPassword(account)}`).toString('base64')}`;
}
