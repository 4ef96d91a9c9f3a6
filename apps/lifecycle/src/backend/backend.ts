/** One running (or stopped) copy of a service: a compose container, or a Swarm task. */
export interface Replica {
  id: string;
  name: string;
  /** Its place among its siblings (compose's container number). */
  number: number;
  /** A container's (running, exited, created, restarting…) or a Swarm task's (starting, running…). */
  state: string;
  /** healthy, unhealthy, starting; undefined without a health check. */
  health?: string;
  image: string;
  /** The image's org.opencontainers.image.version label. */
  version?: string;
  /** ISO 8601, when it last started; undefined when it never ran. */
  startedAt?: string;
  /** Its IPv4 addresses: the registry lists an instance at one of them. */
  addresses: string[];
}

/**
 * Where PSS runs: the replicas of each of its services, and the two moves scaling needs. The
 * compose backend creates and removes containers; the Swarm backend changes a service's replica
 * count.
 */
export interface Backend {
  /** What it manages, e.g. `compose project pss`. */
  describe(): Promise<string>;
  /** Every service it may scale, by name, with its replicas (lowest number first). */
  replicas(): Promise<Map<string, Replica[]>>;
  /** The replica as it is now; undefined once it is gone. */
  replica(id: string): Promise<Replica | undefined>;
  /** Starts one more replica of `service`, made like its siblings. */
  addReplica(service: string): Promise<Replica>;
  /** Stops `replica` gracefully (SIGTERM, within its stop timeout), then removes it. */
  removeReplica(replica: Replica): Promise<void>;
}

export const BACKEND = Symbol('BACKEND');

/** The states of a replica that has stopped for good: a container's, or a Swarm task's. */
export const STOPPED = new Set([
  'exited',
  'dead',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
]);
