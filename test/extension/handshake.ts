/**
 * A file handshake between the launcher and a test module in the extension host (they share the
 * machine, not a process): one side creates a file, the other waits for it through fs.watch, so
 * neither polls the clock. The screenshot needs it: when run() settles, the workbench shuts the
 * extension host down and its diagnostics vanish, so the picture is taken while run() waits.
 */
import { existsSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function signal(dir: string, name: string): void {
  writeFileSync(join(dir, name), String(Date.now()));
}

export function waitForSignal(dir: string, name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const file = join(dir, name);
    const watcher = watch(dir, () => { if (existsSync(file)) finish(); });
    const timer = setTimeout(() => { watcher.close(); reject(new Error(`no "${name}" signal in ${dir} within ${timeoutMs} ms`)); }, timeoutMs);
    const finish = () => { watcher.close(); clearTimeout(timer); resolve(); };
    if (existsSync(file)) finish();
  });
}
