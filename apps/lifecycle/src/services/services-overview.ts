import { Inject, Injectable } from '@nestjs/common';
import { ServiceConfig } from '@pss/platform';
import { RegistryNodes } from '@pss/registry-client';
import { BACKEND, type Backend } from '../backend/backend';
import { serviceView, type ServiceView } from './service-view';

export interface Overview {
  /** What the backend manages, e.g. `compose project pss`. */
  backend: string;
  services: ServiceView[];
  /** Registry nodes that did not answer, and why. */
  unreachableRegistries: { node: string; error: string }[];
}

/** What runs, beside what the registry lists. */
@Injectable()
export class ServicesOverview {
  constructor(
    @Inject(BACKEND) private readonly backend: Backend,
    private readonly registry: RegistryNodes,
    private readonly config: ServiceConfig,
  ) {}

  async overview(): Promise<Overview> {
    const [backend, replicas, listings] = await Promise.all([
      this.backend.describe(),
      this.backend.replicas(),
      this.registry.listings(),
    ]);
    const now = Date.now();
    return {
      backend,
      services: [...replicas].map(([name, list]) => serviceView(name, list, listings, now)),
      unreachableRegistries: listings.flatMap((listing) => ('error' in listing ? [listing] : [])),
    };
  }

  /** The services it may scale: every one the backend runs but itself. */
  async scalable(): Promise<string[]> {
    return [...(await this.backend.replicas()).keys()].filter((name) => name !== this.config.serviceName);
  }
}
