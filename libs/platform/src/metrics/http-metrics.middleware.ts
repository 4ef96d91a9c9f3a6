import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { MetricsService } from './metrics.service';

// Unmatched paths (Nest's catch-all `{/*splat}` included) share one label, so scanners cannot
// blow up the series count.
const UNMATCHED = 'unmatched';
const routeLabel = (baseUrl: string, path?: string) =>
  !path || path.includes('*') ? UNMATCHED : `${baseUrl}${path}`;

/** Counts and times every request by its route template (`/fares`, not the raw URL). */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction): void => {
    const stopTimer = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const labels = {
        method: req.method,
        route: routeLabel(req.baseUrl, routePath),
        status_code: String(res.statusCode),
      };
      stopTimer(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
