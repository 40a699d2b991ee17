/**
 * Memory over a session of edits on a document above maxFileSize: each analysis allocates several
 * times the document, and the server collects it once the diagnostics are out, so that the process
 * does not grow by a whole analysis with every edit, nor by the garbage of many keystrokes. Read
 * from /proc, so Linux only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { Lsp, largeExample } from './harness';

function peakMB(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

describe('memory over edits', { skip: !existsSync('/proc/self/status') && 'needs /proc' }, () => {
  it('editing a large document does not grow the process by an analysis per edit, nor by its garbage over a session', async (t) => {
    const lsp = await Lsp.start();
    try {
      // About 6 MB: above the default limit of 1 MB, so only the cheap rules run.
      const text = largeExample(6);
      const uri = lsp.uri('large.json');
      const idle = peakMB(lsp.proc.pid!);
      lsp.open(uri, text);
      await lsp.diagnosticsFor(uri, 1);
      const afterOpen = peakMB(lsp.proc.pid!);
      const at = { line: 20, character: 12 };
      for (let i = 0; i < 24; i++) {
        const v = lsp.edit(uri, { start: at, end: i % 2 ? { line: 20, character: 13 } : at }, i % 2 ? '' : 'x');
        await lsp.diagnosticsFor(uri, v);
      }
      const afterEdits = peakMB(lsp.proc.pid!);
      t.diagnostic(`peak ${idle.toFixed(0)} MB idle, ${afterOpen.toFixed(0)} after open, ${afterEdits.toFixed(0)} after 24 edits`);
      // Without the collection after a full analysis six edits raised the peak by three times what the
      // open took (53 -> 153 -> 464 MB). Keystrokes analysed incrementally each leave a little garbage
      // that V8 left alone: 24 of them raised the peak by half the open (53 -> 90 -> 110 MB); with a
      // collection once it adds up, by a fifth (-> 95-96 MB).
      assert.ok(afterEdits - afterOpen < (afterOpen - idle) / 3, `peak ${idle.toFixed(0)} MB idle, ${afterOpen.toFixed(0)} after open, ${afterEdits.toFixed(0)} after 24 edits`);
    } finally {
      await lsp.stop();
    }
  });
});
