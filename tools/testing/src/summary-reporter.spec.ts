const SummaryReporter = require('../summary-reporter.js') as new () => { onRunComplete(contexts: unknown, results: object): void };

function printedSummary(results: { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number }): string {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    new SummaryReporter().onRunComplete(new Set(), results);
    return write.mock.calls.map(([chunk]) => String(chunk)).join('');
  } finally {
    write.mockRestore();
  }
}

describe('summary reporter', () => {
  it.each([
    [{ numPassedTests: 12, numFailedTests: 0, numRuntimeErrorTestSuites: 0 }, '12 passed, 0 failed'],
    [{ numPassedTests: 3, numFailedTests: 2, numRuntimeErrorTestSuites: 0 }, '3 passed, 2 failed'],
    [{ numPassedTests: 5, numFailedTests: 1, numRuntimeErrorTestSuites: 2 }, '5 passed, 3 failed'],
  ])('prints the totals on a line of their own for %j', (results, line) => {
    expect(printedSummary(results).split('\n')).toContain(line);
  });
});
