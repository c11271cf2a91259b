/**
 * A static file server for a built site, on loopback only, serving `dist`
 * under a base path the way GitHub Pages or any static host would, for the
 * browser tests.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121/plan/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** What a static host answers for a request path: a file, a redirect to the folder's address, or not found (with the site's 404 page, if any). */
export type Lookup =
  | { status: 200; file: string; type: string }
  | { status: 301; location: string }
  | { status: 404; file?: string; type: string };

export function lookup(dist: string, base: string, url: string): Lookup {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = decodeURIComponent(url.split('?')[0]!.split('#')[0]!);
  const notFound = (): Lookup => {
    const page = join(dist, '404.html');
    return { status: 404, file: existsSync(page) ? page : undefined, type: TYPES['.html']! };
  };
  if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) return notFound();
  let file = normalize(join(dist, path.slice(prefix.length)));
  if (!file.startsWith(normalize(dist))) return notFound();
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return { status: 301, location: `${path}/` };
    file = join(file, 'index.html');
  }
  if (!existsSync(file) || !statSync(file).isFile()) return notFound();
  return { status: 200, file, type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

export async function serve(dist: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer((req, res) => {
    const found = lookup(dist, prefix, req.url ?? '/');
    if (found.status === 301) {
      res.writeHead(301, { location: found.location });
      return res.end();
    }
    res.writeHead(found.status, { 'content-type': found.type });
    if (found.file) createReadStream(found.file).pipe(res);
    else res.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
