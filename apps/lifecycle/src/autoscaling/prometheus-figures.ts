import { Injectable } from '@nestjs/common';
import { LifecycleConfig } from '../config/lifecycle-config';
import type { AutoscalingPolicy } from './autoscaling-policy';

const QUERY_TIMEOUT_MS = 5_000;
// Probes and scrapes arrive at a fixed pace whatever the load: they are not the load.
const SERVED = 'route!~"/health/.*|/metrics|/info"';

/** The PromQL of a policy's figure for the whole of `service`, over its window. */
export function queryOf(service: string, policy: AutoscalingPolicy): string {
  const selector = `service=${JSON.stringify(service)},${SERVED}`;
  const window = `${policy.windowSeconds}s`;
  if (policy.metric === 'requests-per-second')
    return `sum(rate(http_requests_total{${selector}}[${window}]))`;
  return `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[${window}]))) * 1000`;
}

interface QueryResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: { value: [number, string] }[] };
}

/** Reads the figures policies follow from Prometheus's query API (the services' own metrics). */
@Injectable()
export class PrometheusFigures {
  constructor(private readonly config: LifecycleConfig) {}

  /** The figure now; undefined when Prometheus has no series for it (never scraped it). */
  async figure(service: string, policy: AutoscalingPolicy): Promise<number | undefined> {
    const url = new URL('/api/v1/query', this.config.prometheusUrl);
    url.searchParams.set('query', queryOf(service, policy));
    const response = await fetch(url, { signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });
    const body = (await response.json()) as QueryResponse;
    if (body.status !== 'success' || body.data?.resultType !== 'vector')
      throw new Error(`Prometheus answered ${response.status}: ${body.error ?? body.data?.resultType}`);
    const [sample] = body.data.result;
    if (!sample) return undefined;
    const value = Number(sample.value[1]);
    // A quantile of no requests is NaN: nothing answered slowly.
    return Number.isNaN(value) ? 0 : value;
  }
}
