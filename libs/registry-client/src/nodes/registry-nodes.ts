import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CLIENT_SETTINGS } from '../registry-client.service';
import type { RegistryClientSettings } from '../registry-client-settings';
import { RegistryNode, type ListedInstance } from './registry-node';

/** A node's answer: what it lists, or why it could not be asked. */
export type NodeListing = { node: string; instances: ListedInstance[] } | { node: string; error: string };

/**
 * Each registry node of DISCOVERY_URLS asked directly, for tools that must see what every node
 * says now (not the client's cached view) and set status overrides with the service's account.
 */
@Injectable()
export class RegistryNodes {
  readonly nodes: RegistryNode[];

  constructor(@Inject(REGISTRY_CLIENT_SETTINGS) settings: RegistryClientSettings) {
    this.nodes = settings.registryUrls.map((url) => new RegistryNode(url, settings.requestTimeoutMs));
  }

  /** Every node's listing; a node that does not answer says why instead. */
  listings(): Promise<NodeListing[]> {
    return Promise.all(
      this.nodes.map((node) =>
        node.instances().then(
          (instances) => ({ node: node.name, instances }),
          (error: unknown) => ({ node: node.name, error: String(error) }),
        ),
      ),
    );
  }

  /** Sets the override at the first node that takes it (it replicates to the others). */
  async overrideStatus(app: string, instanceId: string, status: ListedInstance['status']): Promise<void> {
    const errors: string[] = [];
    for (const node of this.nodes) {
      try {
        return await node.overrideStatus(app, instanceId, status);
      } catch (error) {
        errors.push(String(error));
      }
    }
    throw new Error(`no registry node took ${status} for ${instanceId}: ${errors.join('; ')}`);
  }
}
