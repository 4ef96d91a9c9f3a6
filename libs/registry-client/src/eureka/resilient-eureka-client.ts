import { UntypedEureka } from './eureka-js-client.module';
import type {
  EurekaClientConfig,
  EurekaInstanceConfig,
  EurekaRequestCallback,
  EurekaRequestOptions,
  EurekaStatus,
} from './eureka-js-client.types';
import { sendOverHttp, type TransportLimits, type TransportResponse } from './http-transport';

export interface ResilienceOptions extends TransportLimits {
  registerRetryMs: number;
}

const ignore = () => undefined;

/**
 * eureka-js-client with its weak spots replaced: requests go over node:http (not the deprecated
 * `request`) with a timeout; registration sends the status we choose (the original forces UP)
 * and is retried until the registry answers (the original never heartbeats after a failed first
 * registration); heartbeats carry the status and when it last changed, as the Java client's do, so
 * a registry holding an older copy (a status change that failed to send, a peer that synced before
 * it) answers 404 and gets the current one; nothing re-registers once shutdown has begun.
 */
export class ResilientEurekaClient extends UntypedEureka {
  private desiredStatus: EurekaStatus;
  /** When desiredStatus last changed (Eureka's lastDirtyTimestamp): the newer copy of an instance wins. */
  private statusChangedAt = Date.now();
  private registeredStatus?: EurekaStatus;
  private stopping = false;
  private registerRetry?: NodeJS.Timeout;

  constructor(
    config: EurekaClientConfig,
    private readonly resilience: ResilienceOptions,
  ) {
    super(config);
    this.desiredStatus = 'STARTING';
  }

  get status(): EurekaStatus {
    return this.desiredStatus;
  }

  override eurekaRequest(options: EurekaRequestOptions, callback: EurekaRequestCallback, attempt = 0): void {
    this.clusterResolver.resolveEurekaUrl((error, baseUrl) => {
      if (error) return callback(error);
      sendOverHttp(baseUrl, options, this.resilience).then(
        (response) => this.settle(options, callback, attempt, null, response),
        (failure: Error) => this.settle(options, callback, attempt, failure),
      );
    }, attempt);
  }

  override register(callback: (error: Error | null) => void = ignore): void {
    if (this.stopping) return callback(null);
    const status = this.desiredStatus;
    const instance = { ...this.config.instance, status, lastDirtyTimestamp: String(this.statusChangedAt) };
    this.config.instance = instance;
    const request = { method: 'POST', uri: instance.app, json: true, body: { instance } };
    this.eurekaRequest(request, (error, response, body) => {
      if (!error && response?.statusCode === 204) {
        this.registeredStatus = status;
        this.emit('registered');
        // The status changed while this registration was on its way: send the new one.
        if (this.desiredStatus !== status) this.register(ignore);
        return callback(null);
      }
      callback(error ?? new Error(`registration answered ${response?.statusCode}: ${body}`));
    });
  }

  override renew(): void {
    if (this.stopping) return;
    const query = new URLSearchParams({
      status: this.desiredStatus,
      lastDirtyTimestamp: String(this.statusChangedAt),
    });
    const uri = `${this.config.instance.app}/${this.instanceId}?${query}`;
    this.eurekaRequest({ method: 'PUT', uri }, (error, response) => {
      if (!error && response?.statusCode === 200) {
        this.logger.debug('eureka heartbeat success');
        this.emit('heartbeat');
      } else if (!error && response?.statusCode === 404) {
        this.logger.warn(`the registry lacks this instance's ${this.desiredStatus}: registering again`);
        this.register(ignore);
      } else {
        this.logger.warn(`eureka heartbeat failed, will retry: ${error?.message ?? response?.statusCode}`);
      }
    });
  }

  /** Fetches the registry now and on its interval. */
  startFetching(): void {
    this.startRegistryFetches();
    this.fetchRegistry(ignore);
  }

  /** Registers `instance` (retrying until the registry answers), then heartbeats. */
  registerAs(instance: EurekaInstanceConfig): void {
    this.config.instance = instance;
    this.changeStatus(instance.status ?? this.desiredStatus);
    this.registerUntilAccepted();
  }

  /** A new status reaches the registry as a re-registration, like the Java client does. */
  setStatus(status: EurekaStatus): void {
    if (status === this.desiredStatus) return;
    this.changeStatus(status);
    if (this.registeredStatus !== undefined) this.register(ignore);
  }

  async disconnect(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.registerRetry);
    clearInterval(this.registryFetch);
    const registered = this.heartbeat !== undefined;
    clearInterval(this.heartbeat);
    if (registered) await new Promise<void>((resolve) => this.deregister(() => resolve()));
  }

  private changeStatus(status: EurekaStatus): void {
    this.desiredStatus = status;
    // Strictly later, even for two changes within a millisecond.
    this.statusChangedAt = Math.max(Date.now(), this.statusChangedAt + 1);
  }

  private registerUntilAccepted(): void {
    this.register((error) => {
      if (this.stopping) return;
      if (error) {
        this.logger.warn(
          `registration failed, retrying in ${this.resilience.registerRetryMs} ms: ${error.message}`,
        );
        this.registerRetry = setTimeout(() => this.registerUntilAccepted(), this.resilience.registerRetryMs);
        return;
      }
      if (!this.heartbeat) this.startHeartbeats();
    });
  }

  private settle(
    options: EurekaRequestOptions,
    callback: EurekaRequestCallback,
    attempt: number,
    error: Error | null,
    response?: TransportResponse,
  ): void {
    const failed = error !== null || (response?.statusCode ?? 0) >= 500;
    const { maxRetries, requestRetryDelay } = this.config.eureka;
    // Once shutdown has begun only the goodbye is retried (on the next registry, when the first is
    // gone): anything else would register the instance again.
    const retrying = !this.stopping || options.method === 'DELETE';
    if (failed && attempt < maxRetries && retrying) {
      // The cluster resolver moves to the next registry URL on every retry.
      setTimeout(() => this.eurekaRequest(options, callback, attempt + 1), requestRetryDelay * (attempt + 1));
      return;
    }
    callback(error, response && { statusCode: response.statusCode }, response?.body);
  }
}
