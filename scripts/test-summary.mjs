#!/usr/bin/env node
// Prints the plain "N passed, N failed" line from vitest's JSON report. A failing exit status with no failed
// test (typecheck or lint stopped the run before vitest) counts as one failure, so the line never hides it.
import { existsSync, readFileSync } from 'node:fs';

const [file, statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
let passed = 0;
let failed = 0;
let skipped = 0;
if (file && existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
