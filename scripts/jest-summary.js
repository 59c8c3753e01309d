#!/usr/bin/env node
'use strict';
/**
 * Prints "<label>: N passed, N failed, N skipped" from one or more Jest --json reports, so a CI
 * log ends with a plain count whatever the runner's own layout. A missing report counts as one
 * failure: the run did not get as far as writing it.
 */
const fs = require('node:fs');

const [label, ...files] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  if (!fs.existsSync(file)) {
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
