/**
 * Emits the build's answers for its own reports (scripts/shipped-answers.ts) as an asset of the build;
 * `virtual:shipped-answers` gives its URL, or null in the dev server and in tests. The computation imports the
 * app's own modules, so it is loaded through Vite's module runner at build time, not by the config itself.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { computeShippedAnswers } from './shipped-answers';

const VIRTUAL = 'virtual:shipped-answers';

export function shippedAnswers(): Plugin {
  let build = false;
  let root = process.cwd();
  return {
    name: 'figures-board-shipped-answers',
    configResolved(config) {
      build = config.command === 'build' && !process.env.VITEST;
      root = config.root;
    },
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      if (!build) return 'export default null;';
      const { module } = await runnerImport<{ computeShippedAnswers: typeof computeShippedAnswers }>(
        fileURLToPath(new URL('./shipped-answers.ts', import.meta.url)), { configFile: false, root, logLevel: 'warn' },
      );
      const state = await module.computeShippedAnswers(root);
      const ref = this.emitFile({ type: 'asset', name: 'shipped-answers.json', source: JSON.stringify(state) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
