import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the peer received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Raw body as sent (the signature covers these exact bytes). */
  body: string;
  /** Status the peer answered. */
  answered: number;
  at: Date;
}

export interface HttpPeer {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /**
   * Statuses to answer, one per request in order; when they run out, `fallback`. The body is
   * `bodyFor(path)` (an HTML page by default).
   */
  respond(statuses: number[], fallback?: number): void;
  bodyFor: (pathAndQuery: string) => string;
  /** Stops listening: connections are refused (ECONNREFUSED) until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Resolves when at least `count` requests arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for the municipal site (pages and webhook). */
export const startHttpPeer = async (): Promise<HttpPeer> => {
  let queue: number[] = [];
  let fallback = 200;
  const requests: ReceivedRequest[] = [];
  const peer = {} as HttpPeer;
  peer.bodyFor = (pathAndQuery) =>
    `<!doctype html><html lang="es"><head><title>Sitio</title></head><body><main>${pathAndQuery}</main></body></html>`;

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = queue.length > 0 ? queue.shift()! : fallback;
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: status,
        at: new Date(),
      });
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(status === 200 ? peer.bodyFor(req.url ?? '') : `Error ${status}`);
    });
  };

  let server = http.createServer(handler);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;

  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return Object.assign(peer, {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    respond(statuses: number[], otherwise = 200) {
      queue = [...statuses];
      fallback = otherwise;
    },
    stop,
    async start() {
      server = http.createServer(handler);
      await listen(port);
    },
    async waitFor(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`El par HTTP recibió ${requests.length} de ${count} solicitudes.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return requests;
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  });
};
