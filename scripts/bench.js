#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line) in its own
 * Node process, one after another so they do not compete for the two cores. Each benchmark
 * measures against a baseline in the same run and prints ratios, never absolute pass/fail times.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const benchDir = path.join(root, 'bench');
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();

if (files.length === 0) {
  console.error(`No hay benchmarks que coincidan con: ${wanted.join(', ')}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync(
    process.execPath,
    ['-r', 'esbuild-register', path.join(benchDir, file)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' },
    }
  );
  if (result.status !== 0) {
    failed += 1;
    console.error(`✖ ${file} terminó con código ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
