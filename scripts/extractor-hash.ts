import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * A hash of the extractor's source: figures derived from a report and cached in the browser are derived again
 * when the rules that made them have changed. The build defines it as `__EXTRACTOR_HASH__`.
 */
export function extractorHash(): string {
  const dir = new URL('../src/extract/', import.meta.url);
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update(readFileSync(new URL(name, dir)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Every file under `dir` (relative to the project), sorted, recursively. */
function filesUnder(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(new URL(`${entry.name}/`, dir)) : [new URL(entry.name, dir)]));
}

/**
 * A hash of the app's source and shipped data: answers the views drew and kept (src/data/query-snapshot.ts)
 * are shown again only by the build that drew them. The build defines it as `__BUILD_ID__`.
 */
export function buildHash(): string {
  const root = new URL('../', import.meta.url);
  const hash = createHash('sha256');
  for (const file of [...filesUnder(new URL('src/', root)), ...filesUnder(new URL('data/', root)), new URL('package-lock.json', root)]) {
    hash.update(file.pathname.slice(root.pathname.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}
