// The floor for the edge: what Node alone gives for the same hop, a node:http server that forwards
// /api/search/... to one search instance (UPSTREAM, keep-alive connections) and streams the answer
// back; no framework, no registry, no allow-list, no headers added.
//   UPSTREAM=http://search:8090 PORT=8090 node bare-proxy.js
const http = require('node:http');

const upstream = new URL(process.env.UPSTREAM);
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

http
  .createServer((request, response) => {
    if (!request.url.startsWith('/api/search/')) return response.end('ok');
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: request.url.slice('/api/search'.length),
        method: request.method,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      response.statusCode = 502;
      response.end();
    });
    request.pipe(forwarded);
  })
  .listen(Number(process.env.PORT ?? 8090));
