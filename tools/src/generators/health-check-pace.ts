/**
 * How often the engine checks a container's health, for the compose template's
 * `x-health-check-pace` and the Dockerfile template's HEALTHCHECK alike: every 3 s while it starts
 * (for up to 120 s), then every 30 s, three failures to unhealthy (docs/adr/0019).
 */
export const HEALTH_CHECK_PACE = {
  interval: '30s',
  timeout: '3s',
  startPeriod: '120s',
  startInterval: '3s',
  retries: 3,
} as const;
