/**
 * Builds the app and the scale benchmark page into bench/dist and serves each with `vite preview`, counting
 * what the server actually sent (per path, bytes after any compression) so a page load's fetches are known
 * from the server's side too.
 */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { build, preview, type Plugin, type PreviewServer } from 'vite';

export const BENCH_DIST = join('bench', 'dist');

/** One response the server finished: its path, status and the body bytes written to the socket. */
export interface SentResponse {
  method: string;
  path: string;
  status: number;
  bytes: number;
  contentEncoding: string | null;
}

export interface Served {
  /** Where the bundle was written. */
  outDir: string;
  baseUrl: string;
  /** Responses sent since the last `takeSent()`. */
  takeSent(): SentResponse[];
  close(): Promise<void>;
}

/** A preview plugin whose middleware runs first, so it sees the bytes after the compression middleware. */
function countResponses(sent: SentResponse[]): Plugin {
  return {
    name: 'figures-board-bench-count-responses',
    configurePreviewServer(server) {
      server.middlewares.use((req, res: ServerResponse, next) => {
        let bytes = 0;
        // Node sends no body for HEAD whatever the handler writes.
        const hasBody = req.method !== 'HEAD';
        const count = (chunk: unknown, encoding?: unknown) => {
          if (!hasBody) return;
          if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8');
          else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
        };
        const write = res.write.bind(res) as (...args: unknown[]) => boolean;
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        res.write = ((...args: unknown[]) => {
          count(args[0], args[1]);
          return write(...args);
        }) as typeof res.write;
        res.end = ((...args: unknown[]) => {
          if (typeof args[0] !== 'function') count(args[0], args[1]);
          return end(...args);
        }) as typeof res.end;
        res.on('finish', () => {
          const encoding = res.getHeader('content-encoding');
          sent.push({
            method: req.method ?? '',
            path: (req.url ?? '').split('?')[0] ?? '',
            status: res.statusCode,
            bytes,
            contentEncoding: typeof encoding === 'string' ? encoding : null,
          });
        });
        next();
      });
    },
  };
}

export async function serve(outDir: string): Promise<Served> {
  const sent: SentResponse[] = [];
  const server: PreviewServer = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    plugins: [countResponses(sent)],
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return {
    outDir,
    baseUrl: url.replace(/\/$/, ''),
    takeSent: () => sent.splice(0),
    close: () => server.close(),
  };
}

/**
 * The production bundle, built as `npm run build` does (the project's vite.config.ts), plus a build manifest
 * for the bundle figures.
 */
export async function buildAndServeApp(): Promise<Served> {
  const outDir = join(BENCH_DIST, 'app');
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  return serve(outDir);
}

/**
 * The benchmark's own pages: the scale page (bench/bench.html) and the engine-start floor (bench/engine.html).
 * The project config with only the entries and output changed.
 */
export async function buildAndServeBenchPages(): Promise<Served> {
  const outDir = join(BENCH_DIST, 'scale');
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: ['bench/bench.html', 'bench/engine.html'] } },
  });
  return serve(outDir);
}
