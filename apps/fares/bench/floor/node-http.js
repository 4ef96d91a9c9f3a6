// The floor of any Node 24 service: an HTTP server and nothing else.
require('node:http')
  .createServer((_request, response) => response.end('ok'))
  .listen(Number(process.env.PORT));
