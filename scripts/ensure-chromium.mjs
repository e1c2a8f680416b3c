#!/usr/bin/env node
// Makes sure Debian's Chromium and CJK fonts are present for the browser tests and the benchmark.
// As root it installs them with apt-get; otherwise it stops and says exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** How the tests and the benchmark start it: headless, and with nothing that would reach for the network. */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const FONTS_DIR = '/usr/share/fonts/opentype/noto';

function missing() {
  const need = [];
  if (!existsSync(CHROMIUM)) need.push('chromium');
  if (!existsSync(FONTS_DIR)) need.push('fonts-noto-cjk');
  return need;
}

export function ensureChromium({ log = console.error } = {}) {
  const need = missing();
  if (need.length === 0) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `The browser tests need ${need.join(' and ')}, which are not installed. Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n` +
        `then run the tests again.`,
    );
  }
  log(`Installing ${need.join(', ')} with apt-get (needed by the browser tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
  const still = missing();
  if (still.length > 0) throw new Error(`apt-get finished but ${still.join(', ')} is still missing`);
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Chromium ready at ${ensureChromium()}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
