// The floors for the website, what Node alone gives with no framework, no registry, no allow-list
// and no headers added, in front of one search instance (UPSTREAM, keep-alive connections):
// - /api/search/...: forwarded, the answer streamed back (the edge's hop); /api/booking/... and
//   /api/checkin/... likewise to BOOKING_UPSTREAM and CHECKIN_UPSTREAM when they are given (the bare
//   floor of the whole journeys, e2e/bench/passenger-journeys.bench.ts);
// - /?origin=...: search asked for the flights, and a page listing them written with template
//   strings (the search results page's work).
//   UPSTREAM=http://search:8090 [BOOKING_UPSTREAM=... CHECKIN_UPSTREAM=...] PORT=8090 node bare-proxy.js
const http = require('node:http');

const upstreams = Object.fromEntries(
  Object.entries({
    search: process.env.UPSTREAM,
    booking: process.env.BOOKING_UPSTREAM,
    checkin: process.env.CHECKIN_UPSTREAM,
  })
    .filter(([, url]) => url)
    .map(([service, url]) => [service, new URL(url)]),
);
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

function forward(request, response, service, path, answered) {
  const upstream = upstreams[service];
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
    const [, api, service] = request.url.split('/');
    if (api === 'api' && upstreams[service])
      return forward(request, response, service, request.url.slice(`/api/${service}`.length), (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
    if (request.url.startsWith('/?'))
      return forward(request, response, 'search', `/flights${request.url.slice(1)}`, (answer) => {
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
