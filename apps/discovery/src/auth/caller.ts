import type { BasicCredentials } from '@pss/platform';
import type { ClientAccount } from './client-accounts';

/** Who sent a request: nobody we know, a service, an operator, or another registry node. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'client'; apps: ReadonlySet<string>; statusApps: ReadonlySet<string> }
  | { kind: 'operator' }
  | { kind: 'peer' };

export interface AccessSettings {
  /** One per service, each allowed to write its own applications. */
  clients: ClientAccount[];
  /** May write every application's instances. Absent: nobody may. */
  operator?: BasicCredentials;
  /** Replication's account. Absent: no peer can replicate here. */
  peer?: BasicCredentials;
  readsRequireAuth: boolean;
}

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** The user name an HTTP basic Authorization header carries. */
function usernameOf(authorization: string): string | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  return match ? Buffer.from(match[1], 'base64').toString('utf8').split(':', 1)[0] : undefined;
}

/** The accounts by user name: one digest comparison per request, however many services there are. */
export class RegistryAccounts {
  private readonly byUsername = new Map<string, { credentials: BasicCredentials; caller: Caller }>();

  constructor(settings: AccessSettings) {
    for (const { credentials, apps, statusApps } of settings.clients)
      this.add(credentials, { kind: 'client', apps, statusApps });
    if (settings.operator) this.add(settings.operator, { kind: 'operator' });
    if (settings.peer) this.add(settings.peer, { kind: 'peer' });
  }

  /** Anonymous also when the credentials are wrong: the caller decides whether that is a 401. */
  identify(authorization: string | undefined): Caller {
    if (authorization === undefined) return ANONYMOUS;
    const username = usernameOf(authorization);
    const account = username === undefined ? undefined : this.byUsername.get(username);
    return account?.credentials.matches(authorization) ? account.caller : ANONYMOUS;
  }

  private add(credentials: BasicCredentials, caller: Caller): void {
    this.byUsername.set(credentials.username, { credentials, caller });
  }
}
