import { BasicCredentials, ConfigurationError } from '@pss/platform';
import type { AccessSettings } from '../auth/caller';
import { parseClientAccounts } from '../auth/client-accounts';
import type { PeerAccount } from './peer-urls';
import type { RegistryEnvironment } from './registry-environment';

/**
 * The registry's accounts. The service accounts, the operator and the peer account must have user
 * names of their own, else one could pass for the other.
 */
export function accessSettingsOf(vars: RegistryEnvironment, peer: PeerAccount | undefined): AccessSettings {
  const clients = parseClientAccounts(vars.REGISTRY_ACCOUNTS, 'REGISTRY_ACCOUNTS');
  const operatorName = vars.REGISTRY_OPERATOR_PASSWORD ? vars.REGISTRY_OPERATOR_USERNAME : undefined;
  const clientNames = new Set(clients.map(({ credentials }) => credentials.username));
  const problems = [
    operatorName &&
      clientNames.has(operatorName) &&
      'REGISTRY_OPERATOR_USERNAME is also a REGISTRY_ACCOUNTS user name',
    peer && clientNames.has(peer.username) && 'REGISTRY_PEER_USERNAME is also a REGISTRY_ACCOUNTS user name',
    peer &&
      peer.username === operatorName &&
      'REGISTRY_PEER_USERNAME must differ from REGISTRY_OPERATOR_USERNAME',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    clients,
    operator:
      operatorName && vars.REGISTRY_OPERATOR_PASSWORD
        ? new BasicCredentials(operatorName, vars.REGISTRY_OPERATOR_PASSWORD)
        : undefined,
    peer: peer && new BasicCredentials(peer.username, peer.password),
    readsRequireAuth: vars.REGISTRY_READS_REQUIRE_AUTH,
  };
}
