/**
 * The built site served under a sub-path, as a school's web space would (`/school/balancer-lab/`), by a small
 * Node server of the spec's own on a free port: for the offline and update tests, which need a service worker
 * and a way to publish "a new version" (`publishNewServiceWorker`) without rebuilding.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface SubPathSite {
  /** The site's address, ending in "/". */
  url: string;
  /** Requests the server answered, by path (to tell what came from the network). */
  served: string[];
  /** From now on sw.js differs by a comment: the next update check finds a new version. */
  publishNewServiceWorker(): void;
  close(): Promise<void>;
}

export async function serveSubPath(prefix = '/school/balancer-lab/'): Promise<SubPathSite> {
  let swSuffix = '';
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.push(path);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end('not here');
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    readFile(join(DIST, rel))
      .then((body) => {
        const text = rel === 'sw.js' ? Buffer.concat([body, Buffer.from(swSuffix)]) : body;
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(text);
      })
      .catch(() => res.writeHead(404).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    served,
    publishNewServiceWorker: () => (swSuffix = `\n// a new version, published at ${served.length}\n`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
