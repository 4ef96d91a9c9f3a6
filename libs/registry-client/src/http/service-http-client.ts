import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { currentRequestId, REQUEST_ID_HEADER } from '@pss/platform';
import { BrokenCircuitError } from 'cockatiel';
import { Agent, request as sendHttp, type Dispatcher } from 'undici';
import { RegistryClient, REGISTRY_CLIENT_SETTINGS } from '../registry-client.service';
import type { RegistryClientSettings } from '../registry-client-settings';
import type { EurekaInstance, EurekaStatus } from '../eureka/eureka-js-client.types';
import { InstanceBalancer, instanceKey } from './instance-balancer';
import {
  INSTANCE_CONNECT_TIMEOUT_MS,
  neverReachedInstance,
  NoInstanceAvailableException,
  ServiceCallFailedException,
  UnavailableAnswer,
} from './service-errors';
import { serviceResponse, type ServiceResponse } from './service-response';

export interface ServiceRequest {
  method?: string;
  /** Path and query, e.g. `/fares?flightNumber=BF101`. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs?: number;
  /** Safe to send twice (default: GET, HEAD, PUT, DELETE, OPTIONS; a POST with an Idempotency-Key). */
  idempotent?: boolean;
  /**
   * Also an instance that serves HTTP but is not ready yet (registered STARTING): only for what an
   * owner serves before it is ready, such as the schedule's snapshot to a follower catching up.
   */
  alsoStarting?: boolean;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const GATEWAY_ANSWERS = new Set([502, 503, 504]);

/**
 * HTTP by service name: round-robin over UP instances, a timeout per attempt, idempotent calls
 * retried on the next instance, a circuit breaker per instance, 503 when nobody is left.
 */
@Injectable()
export class ServiceHttpClient implements OnApplicationShutdown {
  private readonly balancers = new Map<string, InstanceBalancer>();
  /** Keep-alive connections to every instance called. */
  private readonly connections = new Agent({ connect: { timeout: INSTANCE_CONNECT_TIMEOUT_MS } });

  constructor(
    private readonly discovery: RegistryClient,
    @Inject(REGISTRY_CLIENT_SETTINGS) private readonly settings: RegistryClientSettings,
  ) {}

  get(service: string, path: string, headers?: Record<string, string>): Promise<ServiceResponse> {
    return this.request(service, { path, headers });
  }

  post(
    service: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<ServiceResponse> {
    return this.request(service, { method: 'POST', path, body, headers });
  }

  request(service: string, request: ServiceRequest): Promise<ServiceResponse> {
    const retryable = request.idempotent ?? isIdempotent(request);
    return this.onInstance(service, { retryable, alsoStarting: request.alsoStarting }, (instance) =>
      this.send(instance, request, retryable),
    );
  }

  /**
   * `call` on one instance of `service`: round-robin over its UP instances, each behind its circuit
   * breaker. A failed call goes to the next instance when `retryable`, or when it cannot have
   * reached the instance; an instance the registry lists by now and we did not try, once. For what
   * sends its own calls, such as a proxy; `call` rejects to count as the instance's failure.
   */
  async onInstance<T>(
    service: string,
    { retryable, alsoStarting = false }: { retryable: boolean; alsoStarting?: boolean },
    call: (instance: EurekaInstance) => Promise<T>,
  ): Promise<T> {
    const name = service.toUpperCase();
    const balancer = this.balancerFor(name);
    const skipped: EurekaInstance[] = [];
    let lastError: unknown;
    const attempt = async (instance: EurekaInstance, run: () => Promise<T>) => {
      try {
        return { answer: await run() };
      } catch (error) {
        if (error instanceof BrokenCircuitError) return void skipped.push(instance);
        lastError = error;
        if (!retryable && !neverReachedInstance(error)) throw new ServiceCallFailedException(name, error);
        return undefined;
      }
    };
    const tried = new Set<string>();
    const tryEach = async (instances: EurekaInstance[]) => {
      for (const instance of balancer.rotation(instances)) {
        tried.add(instanceKey(instance));
        const breaker = balancer.breakerFor(instance);
        const result = await attempt(instance, () => breaker.execute(() => call(instance)));
        if (result) return result;
      }
      return undefined;
    };
    const statuses: EurekaStatus[] = alsoStarting ? ['UP', 'STARTING'] : ['UP'];
    const result = await tryEach(await this.instancesOf(name, statuses));
    if (result) return result.answer;
    // Every instance we knew failed: the registry may list others by now (a restarted instance at a
    // new address, while the old one waits out its lease). Those, once.
    if (lastError !== undefined) {
      await this.discovery.refresh();
      const fresh = this.discovery
        .instances(name, statuses)
        .filter((instance) => !tried.has(instanceKey(instance)));
      const retried = await tryEach(fresh);
      if (retried) return retried.answer;
    }
    // Every circuit open and nobody else: the instances may have recovered; try them anyway.
    if (lastError === undefined) {
      for (const instance of skipped) {
        const result = await attempt(instance, () => call(instance));
        if (result) return result.answer;
      }
    }
    throw new NoInstanceAvailableException(name, lastError);
  }

  /**
   * The instances of `service` in `statuses` from the registry client's cache, asking the registry
   * again when it has none: a service that registered after the last fetch is then found at once.
   */
  private async instancesOf(service: string, statuses: EurekaStatus[]): Promise<EurekaInstance[]> {
    const cached = this.discovery.instances(service, statuses);
    if (cached.length > 0) return cached;
    await this.discovery.refresh();
    return this.discovery.instances(service, statuses);
  }

  private async send(
    instance: EurekaInstance,
    request: ServiceRequest,
    retryable: boolean,
  ): Promise<ServiceResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    const requestId = currentRequestId();
    if (requestId) headers[REQUEST_ID_HEADER] ??= requestId;
    if (request.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = serviceResponse(
      await sendHttp(`http://${instance.ipAddr}:${instance.port.$}${request.path}`, {
        method: (request.method ?? 'GET') as Dispatcher.HttpMethod,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(request.timeoutMs ?? this.settings.requestTimeoutMs),
        dispatcher: this.connections,
      }),
    );
    // A non-idempotent call's answer goes back as it is: the instance may have acted on it.
    if (retryable && GATEWAY_ANSWERS.has(response.status)) {
      await response.body?.cancel();
      throw new UnavailableAnswer(response.status);
    }
    return response;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.destroy();
  }

  private balancerFor(service: string): InstanceBalancer {
    let balancer = this.balancers.get(service);
    if (!balancer) {
      balancer = new InstanceBalancer({ failuresToOpen: 2, halfOpenAfterMs: 20_000 });
      this.balancers.set(service, balancer);
    }
    return balancer;
  }
}

function isIdempotent(request: ServiceRequest): boolean {
  const method = (request.method ?? 'GET').toUpperCase();
  const hasKey = Object.keys(request.headers ?? {}).some(
    (header) => header.toLowerCase() === 'idempotency-key',
  );
  return IDEMPOTENT_METHODS.has(method) || hasKey;
}
