// The floors for the website, what Node alone gives with no framework, no registry, no allow-list
// and no headers added, in front of one search instance (UPSTREAM, keep-alive connections):
// - /api/search/...: forwarded, the answer streamed back (the edge's hop);
// - /?origin=...: search asked for the flights, and a page listing them written with template
//   strings (the search results page's work).
//   UPSTREAM=http://search:8090 PORT=8090 node bare-proxy.js
const http = require('node:http');

const upstream = new URL(process.env.UPSTREAM);
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

const escape = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const resultsPage = (flights) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flights</title></head><body><main><ol>${flights
    .map(
      (f) =>
        `<li><h2>${escape(f.flightNumber)}</h2><p>${escape(f.origin)} ${escape(f.departureTime)} to ${escape(f.destination)} ${escape(f.arrivalTime)}</p>` +
        `<p>${escape(f.fare.currency)} ${escape(f.fare.amount)}, ${escape(f.seatsAvailable)} seats left</p>` +
        `<form action="/book"><input type="hidden" name="flightNumber" value="${escape(f.flightNumber)}"><button>Book</button></form></li>`,
    )
    .join('')}</ol></main></body></html>`;

function forward(request, response, path, answered) {
  const forwarded = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path,
      method: request.method,
      headers: request.headers,
      agent,
    },
    answered,
  );
  forwarded.on('error', () => {
    response.statusCode = 502;
    response.end();
  });
  request.pipe(forwarded);
}

http
  .createServer((request, response) => {
    if (request.url.startsWith('/api/search/'))
      return forward(request, response, request.url.slice('/api/search'.length), (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
    if (request.url.startsWith('/?'))
      return forward(request, response, `/flights${request.url.slice(1)}`, (answer) => {
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          const flights = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          response.end(resultsPage(flights));
        });
      });
    response.end('ok');
  })
  .listen(Number(process.env.PORT ?? 8090));
