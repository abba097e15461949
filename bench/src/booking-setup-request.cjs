/* global require, process, module */
// autocannon's setupRequest for booking.bench.ts, loaded in autocannon's worker thread: each request books for
// its own patient profile, in the order of the planned requests (BOOKING_REQUESTS_FILE, written by the bench).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon's worker require()s this file
const { readFileSync } = require('node:fs');

const job = JSON.parse(readFileSync(process.env.BOOKING_REQUESTS_FILE, 'utf8'));
const bodies = job.requests.map((r) => JSON.stringify(r.body));
let next = 0;

module.exports = function setupRequest(req) {
  const i = next++ % job.requests.length;
  const r = job.requests[i];
  return {
    ...req,
    path: r.path,
    body: bodies[i],
    headers: { ...req.headers, 'content-type': 'application/json', ...job.headers[r.session] },
  };
};
