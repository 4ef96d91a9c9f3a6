import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, type Refusal } from './authorize';
import { ANONYMOUS, RegistryAccounts, type AccessSettings, type Caller } from './caller';

// Probes, scrapes and the API document stay open: they show nothing of the registry.
const OPEN_PATHS = /^\/(health|metrics|docs)(\/|$)/;

const callers = new WeakMap<FastifyRequest, Caller>();

/** Who sent `request`, as the access hook found out. */
export const callerOf = (request: FastifyRequest): Caller => callers.get(request) ?? ANONYMOUS;

/**
 * HTTP basic authentication the way Spring Cloud's secured Eureka works, with an account per
 * service (see authorize). Wrong credentials are refused even where none are needed, so that a
 * misconfigured client finds out. A 401 is the bare status Eureka clients expect; a 403 says why in
 * a short text that names no account.
 */
export function guardRegistry(
  fastify: FastifyInstance,
  settings: AccessSettings,
  markedAsReplication: (request: FastifyRequest) => boolean,
): void {
  const accounts = new RegistryAccounts(settings);
  fastify.addHook('onRequest', async (request, reply) => {
    // The route template when one matched: the router decodes what a raw path could disguise.
    const path = request.routeOptions.url ?? request.url.split('?', 1)[0];
    if (OPEN_PATHS.test(path)) return;
    const authorization = request.headers.authorization;
    const caller = accounts.identify(authorization);
    if (authorization !== undefined && caller.kind === 'anonymous') return refuse(reply, { status: 401 });
    const app = (request.params as Record<string, string | undefined> | undefined)?.['app'];
    const refusal = authorize(
      caller,
      {
        method: request.method,
        path,
        app: app?.toUpperCase(),
        replication: markedAsReplication(request),
      },
      settings.readsRequireAuth,
    );
    if (refusal) return refuse(reply, refusal);
    callers.set(request, caller);
  });
}

function refuse(reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal.status === 401) {
    reply.header('WWW-Authenticate', 'Basic realm="eureka"');
    return reply.code(401).send();
  }
  return reply.code(403).type('text/plain').send(refusal.reason);
}
