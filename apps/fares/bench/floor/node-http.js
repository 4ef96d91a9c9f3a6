// The floor of any Node 24 service: an HTTP server and nothing else.
require('node:http')
  .createServer((_request, response) => response.end('ok'))
  .listen(Number(process.env.PORT), '127.0.0.1');
