import { basicAuthorization } from '@pss/platform';
import type { EurekaStatus } from '../eureka/eureka-js-client.types';

/** An instance as a registry node lists it, with what an operator looks at. */
export interface ListedInstance {
  app: string;
  instanceId: string;
  ipAddr: string;
  status: EurekaStatus;
  /** When its last heartbeat arrived (ms since the epoch). */
  lastRenewal: number;
}

interface AppsJson {
  applications: { application: { name: string; instance: InstanceJson[] }[] };
}

interface InstanceJson {
  instanceId: string;
  ipAddr: string;
  status: EurekaStatus;
  leaseInfo?: { lastRenewalTimestamp?: number };
}

/**
 * One registry node, reached with the account its URL carries as userinfo (fetch refuses a URL
 * with credentials, so they travel in an Authorization header instead).
 */
export class RegistryNode {
  readonly name: string;
  private readonly base: string;
  private readonly authorization?: string;

  constructor(
    url: string,
    private readonly timeoutMs: number,
  ) {
    const parsed = new URL(url);
    if (parsed.username)
      this.authorization = basicAuthorization(
        decodeURIComponent(parsed.username),
        decodeURIComponent(parsed.password),
      );
    parsed.username = parsed.password = '';
    this.name = parsed.host;
    this.base = parsed.href.endsWith('/apps/') ? parsed.href : `${parsed.href.replace(/\/?$/, '/')}apps/`;
  }

  /** Every instance the node lists, in any status. */
  async instances(): Promise<ListedInstance[]> {
    const response = await this.send('GET', '', { accept: 'application/json' });
    const { applications } = (await response.json()) as AppsJson;
    return applications.application.flatMap(({ name, instance }) =>
      instance.map((listed) => ({
        app: name,
        instanceId: listed.instanceId,
        ipAddr: listed.ipAddr,
        status: listed.status,
        lastRenewal: Number(listed.leaseInfo?.lastRenewalTimestamp ?? 0),
      })),
    );
  }

  /** Sets a status override (Eureka's `PUT …/status?value=`); the node passes it on to its peers. */
  async overrideStatus(app: string, instanceId: string, status: EurekaStatus): Promise<void> {
    const path = `${encodeURIComponent(app)}/${encodeURIComponent(instanceId)}/status?value=${status}`;
    await this.send('PUT', path, {});
  }

  private async send(method: string, path: string, headers: Record<string, string>): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...headers, ...(this.authorization && { authorization: this.authorization }) },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`registry ${this.name} answered ${method} with ${response.status}`);
    return response;
  }
}
