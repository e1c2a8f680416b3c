/** The initial JS of the built app: the entry script and its modulepreload links, raw and gzip-compressed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Reads `index.html` of a build: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialJs(outDir: string): InitialJs {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const paths = [
    ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((m) => m[1] as string);
  if (paths.length === 0) throw new Error(`No entry script in ${join(outDir, 'index.html')}`);
  const files = [...new Set(paths)].map((path) => {
    const content = readFileSync(join(outDir, path.replace(/^\//, '')));
    return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}
