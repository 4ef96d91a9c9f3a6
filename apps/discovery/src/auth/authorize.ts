import type { Caller } from './caller';

export interface RegistryRequest {
  method: string;
  /** The route template when one matched. */
  path: string;
  /** The application a write under /apps/{app} touches, upper-cased. */
  app?: string;
  /** It carries x-netflix-discovery-replication: true. */
  replication: boolean;
}

export type Refusal = { status: 401 } | { status: 403; reason: string };

const REPLICATION_PATH = /\/peerreplication(\/|$)/;
const READ_METHODS = new Set(['GET', 'HEAD']);
const STATUS_OVERRIDE_PATH = /\/apps\/:app\/:id\/status$/;

/**
 * Reads are open unless `readsRequireAuth`; replication is the peer account's alone; a write to an
 * application's instances needs a service account allowed for it, the operator, or a peer passing
 * a write on; an account granted `<APP>:status` may set and remove the status overrides of that
 * application's instances and nothing else of theirs. Undefined: allowed.
 */
export function authorize(
  caller: Caller,
  request: RegistryRequest,
  readsRequireAuth: boolean,
): Refusal | undefined {
  const anonymous = caller.kind === 'anonymous';
  if (REPLICATION_PATH.test(request.path)) {
    if (caller.kind === 'peer') return undefined;
    return anonymous ? { status: 401 } : { status: 403, reason: 'only the peer account replicates' };
  }
  if (READ_METHODS.has(request.method)) return anonymous && readsRequireAuth ? { status: 401 } : undefined;
  switch (caller.kind) {
    case 'anonymous':
      return { status: 401 };
    case 'operator':
      return undefined;
    case 'peer':
      return request.replication ? undefined : { status: 403, reason: 'the peer account only replicates' };
    case 'client':
      if (request.app !== undefined && caller.apps.has(request.app)) return undefined;
      if (
        request.app !== undefined &&
        caller.statusApps.has(request.app) &&
        STATUS_OVERRIDE_PATH.test(request.path)
      )
        return undefined;
      return { status: 403, reason: `this account may not write ${request.app ?? 'here'}` };
  }
}
