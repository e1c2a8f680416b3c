/**
 * The initial JS of the built app, read from Vite's build manifest: the entry chunk and every chunk it imports
 * statically, plus the chunks the entry module imports dynamically at start (the app it mounts) and theirs —
 * everything the first screen needs. The engine's chunk, imported dynamically by the db module and loaded
 * beside the app, is not counted (its wasm and worker are reported with the load figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Keys of `start` and of every chunk reachable from it through static imports. */
function staticGraph(manifest: Record<string, ManifestChunk>, start: string, into: Set<string>): Set<string> {
  if (into.has(start)) return into;
  const chunk = manifest[start];
  if (!chunk) throw new Error(`The build manifest has no chunk ${start}`);
  into.add(start);
  for (const key of chunk.imports ?? []) staticGraph(manifest, key, into);
  return into;
}

/** Reads `.vite/manifest.json` of a build made with `build.manifest: true`. */
export function initialJs(outDir: string): InitialJs {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`No entry chunk in the build manifest of ${outDir}`);
  const keys = staticGraph(manifest, entry, new Set());
  for (const started of manifest[entry]?.dynamicImports ?? []) staticGraph(manifest, started, keys);
  const files = [...keys].map((key) => {
    const path = (manifest[key] as ManifestChunk).file;
    const content = readFileSync(join(outDir, path));
    return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}
