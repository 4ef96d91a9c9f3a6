import type { ApplicationView, ApplicationsView } from '../registry/registry-views';
import { instanceJson } from './instance-json';

export function applicationJson(app: ApplicationView): Record<string, unknown> {
  return { name: app.name, instance: app.leases.map(instanceJson) };
}

/** Always arrays, even for one element or none: eureka-js-client keeps a stale cache without them. */
export function applicationsJson(view: ApplicationsView): Record<string, unknown> {
  return {
    versions__delta: String(view.versionDelta),
    apps__hashcode: view.hashCode,
    application: view.applications.map(applicationJson),
  };
}
