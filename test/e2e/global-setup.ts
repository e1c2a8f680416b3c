/**
 * Builds the production bundle once and serves it with `vite preview` (the same server and headers as
 * `npm start`) on a free port for the browser tests.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';

let server: PreviewServer | undefined;
// A build directory of this run's own, so parallel runs never overwrite each other's bundle.
const outDir = join('test-results', `e2e-dist-${process.pid}`);

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}

export async function setup(project: TestProject) {
  const chromium = ensureChromium();
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  project.provide('chromium', chromium);
}

export async function teardown() {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
}
