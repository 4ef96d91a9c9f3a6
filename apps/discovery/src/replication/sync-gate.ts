import type { FastifyInstance } from 'fastify';

const REGISTRY_READS = /^\/eureka(\/v[12])?\/(apps|instances|vips|svips)(\/|$)/;

/**
 * Until the start-up peer sync ends, reads of the registry answer a bare 503 (Eureka's clients,
 * ours included, then ask the next registry node) instead of an empty registry.
 */
export function refuseReadsUntilSynced(fastify: FastifyInstance, synced: () => boolean): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (synced() || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    if (!REGISTRY_READS.test(request.routeOptions.url ?? '')) return;
    return reply.code(503).header('Retry-After', '5').send();
  });
}
