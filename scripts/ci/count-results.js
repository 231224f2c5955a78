// Prints "passed failed" from a vitest or Playwright JSON report, so .ci/run can total every suite in one line.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (typeof report.numPassedTests === "number") {
  // vitest (jest-compatible) report
  console.log(`${report.numPassedTests} ${report.numFailedTests}`);
} else if (report.stats && typeof report.stats.expected === "number") {
  // Playwright report: flaky tests passed on retry, which we do not allow, so they count as failures.
  console.log(`${report.stats.expected} ${report.stats.unexpected + report.stats.flaky}`);
} else {
  process.exit(1);
}
