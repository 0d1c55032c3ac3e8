// Prints the run's totals on a line of their own, the form CI reads: "N passed, N failed".
// Suites that could not run (a syntax error, a failing beforeAll) count as failures too.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
