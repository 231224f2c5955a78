// A tiny runner for the reliability scripts: named checks, each printed as it passes or fails, exit code 1 on any failure.
export type Check = (name: string, body: () => Promise<void>) => Promise<void>;

export async function runChecks(title: string, body: (check: Check) => Promise<void>): Promise<void> {
  let failed = 0;
  let passed = 0;
  console.log(title);
  const check: Check = async (name, run) => {
    const t0 = Date.now();
    try {
      await run();
      passed++;
      console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `  FAIL ${name}\n       ${(error instanceof Error ? error.message : String(error)).replace(/\n/g, "\n       ")}`,
      );
    }
  };
  try {
    await body(check);
  } catch (error) {
    failed++;
    console.log(`  FAIL (setup) ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}
