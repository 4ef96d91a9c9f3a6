// The floor of the library the edge forwards with: fastify and @fastify/reply-from alone, as the
// website registers it (undici, 128 connections), in front of one search instance (UPSTREAM), with
// no NestJS, no registry, no allow-list, no logging or metrics and no headers added.
//   UPSTREAM=http://search:8090 PORT=8090 node reply-from-proxy.js
const fastify = require('fastify')();

fastify.register(require('@fastify/reply-from'), {
  base: process.env.UPSTREAM,
  undici: { connections: 128 },
});
fastify.get('/api/search/*', (request, reply) => reply.from(request.url.slice('/api/search'.length)));
// Anything else answers ok, as the bare proxy does: the bench's probe that it listens.
fastify.get('/*', (_request, reply) => reply.send('ok'));

fastify.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 8090) });
