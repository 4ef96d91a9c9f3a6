// The floor of any Node 24 service: an HTTP server and nothing else.
//   node floor/node-http.js      answers every request with "ok"
//   node floor/node-http.js pg   GET /fares reads the database through pg
const http = require('node:http');

const pool =
  process.argv[2] === 'pg'
    ? new (require('pg').Pool)({ connectionString: process.env.DATABASE_URL })
    : undefined;

async function fare(flightNumber) {
  const { rows } = await pool.query('SELECT $1::text AS "flightNumber"', [flightNumber]);
  return JSON.stringify(rows[0]);
}

http
  .createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (!pool || url.pathname !== '/fares') return response.end('ok');
    fare(url.searchParams.get('flightNumber')).then(
      (body) => response.setHeader('content-type', 'application/json').end(body),
      () => {
        response.statusCode = 500;
        response.end();
      },
    );
  })
  .listen(Number(process.env.PORT), () => {
    // What every service does once it listens (releaseStartupMemory in libs/platform).
    globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  });
