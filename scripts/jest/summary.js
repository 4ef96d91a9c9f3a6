// Prints one line per jest report (--json output) and a total in the plain form
// "Tests: N passed, N failed, N skipped".
const { readFileSync, existsSync } = require('node:fs');
const { basename } = require('node:path');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suiteErrors = report.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `${basename(file, '.json')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      `${suiteErrors ? ` (${suiteErrors} suites failed to run)` : ''}`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteErrors;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
