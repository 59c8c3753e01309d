'use strict';
/**
 * The benches' load generator, in its own process so it never shares a server's event loop.
 * Reads its options as JSON from the LOAD environment variable:
 *   { urls: [base…], paths: [path…], connections, duration (s), amount?, tokens?: [bearer…] }
 * With `amount` it sends that many requests instead of running for `duration` (slow endpoints).
 * Every connection cycles over `paths`; with `tokens`, connection i sends tokens[i % n]. Several
 * `urls` spread the connections over several instances. Prints one JSON line: requests per second
 * and the exact latency percentiles of every answer (autocannon's own summary has no p95).
 */
const autocannon = require('autocannon');

const options = JSON.parse(process.env.LOAD);
const latencies = [];
const statuses = {};
let next = 0;
const startedAt = process.hrtime.bigint();

const instance = autocannon(
  {
    url: options.urls,
    connections: options.connections,
    duration: options.duration,
    ...(options.amount ? { amount: options.amount } : {}),
    timeout: 30,
    requests: options.paths.map((path) => ({ method: 'GET', path })),
    setupClient: options.tokens
      ? (client) => {
          const token = options.tokens[next++ % options.tokens.length];
          client.setHeaders({ authorization: `Bearer ${token}` });
        }
      : undefined,
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    latencies.sort((a, b) => a - b);
    const at = (p) =>
      latencies.length === 0
        ? NaN
        : latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    process.stdout.write(
      JSON.stringify({
        rps: latencies.length / (Number(process.hrtime.bigint() - startedAt) / 1e9),
        requests: latencies.length,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        statuses,
        errors: result.errors + result.timeouts,
      })
    );
  }
);
instance.on('response', (client, statusCode, bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] || 0) + 1;
});
