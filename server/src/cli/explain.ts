/**
 * `competency-lint explain FILE`: a placeholder until the scope analysis provides the real command,
 * which replaces this file and keeps its signature.
 */
export async function runExplain(args: string[]): Promise<number> {
  void args;
  process.stderr.write('competency-lint: explain is not available yet\n');
  return 2;
}
