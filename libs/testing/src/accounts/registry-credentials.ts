/** The registry's variables for the credentials the tests use: one client and one peer account. */
export const TEST_REGISTRY_ENV = {
  REGISTRY_USERNAME: 'pss-client',
  REGISTRY_PASSWORD: 'client-secret-of-the-tests',
  REGISTRY_PEER_USERNAME: 'pss-peer',
  REGISTRY_PEER_PASSWORD: 'peer-secret-of-the-tests',
} as const;

export type RegistryAccount = 'client' | 'peer';

const accounts: Record<RegistryAccount, { username: string; password: string }> = {
  client: { username: TEST_REGISTRY_ENV.REGISTRY_USERNAME, password: TEST_REGISTRY_ENV.REGISTRY_PASSWORD },
  peer: {
    username: TEST_REGISTRY_ENV.REGISTRY_PEER_USERNAME,
    password: TEST_REGISTRY_ENV.REGISTRY_PEER_PASSWORD,
  },
};

/** `url` with an account's credentials as userinfo, as DISCOVERY_URLS carries them. */
export function withRegistryCredentials(url: string, account: RegistryAccount = 'client'): string {
  const withUserinfo = new URL(url);
  withUserinfo.username = accounts[account].username;
  withUserinfo.password = accounts[account].password;
  return withUserinfo.href;
}

/** The Authorization header of an account (fetch refuses URLs that carry credentials). */
export function registryAuthorization(account: RegistryAccount = 'client'): string {
  const { username, password } = accounts[account];
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
