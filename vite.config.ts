/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { duckdbWorkerPatch } from './scripts/duckdb-link-patch.ts';
import { buildHash, extractorHash } from './scripts/extractor-hash.ts';
import { shippedAnswers } from './scripts/shipped-answers-plugin.ts';

/**
 * The policy every built page is served with. DuckDB-WASM needs 'wasm-unsafe-eval' to compile its module and
 * blob: workers; nothing is ever fetched from another host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export default defineConfig({
  define: { __EXTRACTOR_HASH__: JSON.stringify(extractorHash()), __BUILD_ID__: JSON.stringify(buildHash()) },
  // DuckDB's worker scripts are served with their start-up linking made lazy (see the plugin).
  plugins: [react(), duckdbWorkerPatch(), shippedAnswers()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Data files stay files: a data: URL would need a looser connect-src.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  preview: { port: 4173, strictPort: true, headers: securityHeaders },
  server: { headers: securityHeaders },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 20_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
