import { validateEnvironment } from '@pss/platform';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/** The variables lifecycle reads besides the platform's and the registry client's. */
export class LifecycleEnvironment {
  /** The Docker engine's socket (mounted into this container alone). */
  @Expose() @IsString() DOCKER_SOCKET_PATH = '/var/run/docker.sock';
  /** The compose project whose containers it manages; unset: its own container's project. */
  @Expose()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]*$/, { message: 'LIFECYCLE_COMPOSE_PROJECT must be a compose project name' })
  LIFECYCLE_COMPOSE_PROJECT?: string;
  /** The Swarm stack whose services it manages; unset: its own task's stack, if it runs in one. */
  @Expose()
  @IsOptional()
  @Matches(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { message: 'LIFECYCLE_SWARM_STACK must be a stack name' })
  LIFECYCLE_SWARM_STACK?: string;
  /** Scaling refuses more replicas of a service than this. */
  @Expose() @Type(() => Number) @Min(1) @Max(50) @IsInt() LIFECYCLE_MAX_REPLICAS = 5;
  /**
   * How long an instance stays running once every registry node lists it OUT_OF_SERVICE: long
   * enough for callers' registry clients to fetch again (every DISCOVERY_FETCH_INTERVAL_MS) and stop
   * choosing it.
   */
  @Expose() @Type(() => Number) @Min(0) @IsInt() LIFECYCLE_DRAIN_MS = 3_000;
  /** How long a new instance may take to become healthy and registered UP. */
  @Expose() @Type(() => Number) @Min(1_000) @IsInt() LIFECYCLE_READY_TIMEOUT_MS = 120_000;
  /** The autoscaling policies (JSON, read again within a second of every change); unset: none. */
  @Expose() @IsOptional() @IsString() LIFECYCLE_AUTOSCALING_FILE?: string;
  /** Where the figures the policies follow are read. */
  @Expose() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) PROMETHEUS_URL =
    'http://prometheus:9090';
}

export class LifecycleConfig {
  constructor(
    readonly dockerSocketPath: string,
    readonly composeProject: string | undefined,
    readonly swarmStack: string | undefined,
    readonly maxReplicas: number,
    readonly drainMs: number,
    readonly readyTimeoutMs: number,
    readonly autoscalingFile: string | undefined,
    readonly prometheusUrl: string,
  ) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): LifecycleConfig {
    const vars = validateEnvironment(LifecycleEnvironment, env);
    return new LifecycleConfig(
      vars.DOCKER_SOCKET_PATH,
      vars.LIFECYCLE_COMPOSE_PROJECT,
      vars.LIFECYCLE_SWARM_STACK,
      vars.LIFECYCLE_MAX_REPLICAS,
      vars.LIFECYCLE_DRAIN_MS,
      vars.LIFECYCLE_READY_TIMEOUT_MS,
      vars.LIFECYCLE_AUTOSCALING_FILE,
      vars.PROMETHEUS_URL,
    );
  }
}
