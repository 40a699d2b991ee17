/**
 * A small test harness for the extension host. The `run()` contract of @vscode/test-electron
 * (and of code-server's workbench) only asks for a promise that resolves when every test passed and
 * rejects otherwise; this runs the registered tests in order, prints TAP-like lines to the
 * extension host's console, and writes a JSON report the launcher reads back, since console output
 * of an extension host is not always visible to the launcher.
 */
import { writeFileSync } from 'node:fs';

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

type TestFn = () => Promise<void> | void;
const tests: { name: string; fn: TestFn; timeoutMs: number }[] = [];

/** Registers a test; `timeoutMs` bounds the wait for the editor, it is never slept. */
export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

export async function runAll(): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
        }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - started, error });
      console.log(`not ok - ${t.name}\n${error}`);
    } finally {
      clearTimeout(timer);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  const report = process.env.COMPETENCY_LINT_TEST_REPORT;
  if (report) writeFileSync(report, JSON.stringify(results, null, 2));
  return results;
}
