import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BasicCredentials } from '@pss/platform';

/** Who sent a request: nobody we know, a client with the registry account, or another registry node. */
export type Caller = 'anonymous' | 'client' | 'peer';

export interface AccessSettings {
  client: BasicCredentials;
  /** Absent: no peer can write or replicate here. */
  peer?: BasicCredentials;
  readsRequireAuth: boolean;
}

const RANK: Record<Caller, number> = { anonymous: 0, client: 1, peer: 2 };
// Probes, scrapes and the API document stay open: they show nothing of the registry.
const OPEN_PATHS = /^\/(health|metrics|docs)(\/|$)/;
const REPLICATION_PATH = /\/peerreplication(\/|$)/;
const READ_METHODS = new Set(['GET', 'HEAD']);

const callers = new WeakMap<FastifyRequest, Caller>();

/** Who sent `request`, as the access hook found out. */
export const callerOf = (request: FastifyRequest): Caller => callers.get(request) ?? 'anonymous';

/**
 * HTTP basic authentication the way Spring Cloud's secured Eureka works: every write needs the
 * client account (or the peer account), replication needs the peer account, and reads are open
 * unless `readsRequireAuth`. Wrong credentials are refused even where none are needed, so that a
 * misconfigured client finds out. Refusals are the bare statuses Eureka clients expect.
 */
export function guardRegistry(fastify: FastifyInstance, settings: AccessSettings): void {
  fastify.addHook('onRequest', async (request, reply) => {
    // The route template when one matched: the router decodes what a raw path could disguise.
    const path = request.routeOptions.url ?? request.url.split('?', 1)[0];
    if (OPEN_PATHS.test(path)) return;
    const authorization = request.headers.authorization;
    const caller = identify(authorization, settings);
    if (authorization !== undefined && caller === 'anonymous') return refuse(reply, 401);
    const required = requiredCaller(request.method, path, settings.readsRequireAuth);
    if (RANK[caller] < RANK[required]) return refuse(reply, caller === 'anonymous' ? 401 : 403);
    callers.set(request, caller);
  });
}

function identify(authorization: string | undefined, settings: AccessSettings): Caller {
  if (authorization === undefined) return 'anonymous';
  if (settings.peer?.matches(authorization)) return 'peer';
  return settings.client.matches(authorization) ? 'client' : 'anonymous';
}

function requiredCaller(method: string, path: string, readsRequireAuth: boolean): Caller {
  if (REPLICATION_PATH.test(path)) return 'peer';
  if (!READ_METHODS.has(method)) return 'client';
  return readsRequireAuth ? 'client' : 'anonymous';
}

function refuse(reply: FastifyReply, status: 401 | 403): FastifyReply {
  if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="eureka"');
  return reply.code(status).send();
}
