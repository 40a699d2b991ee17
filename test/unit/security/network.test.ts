/**
 * No network access, checked on the source: nothing under server/src or client/src imports a
 * networking module or calls a networking global. The CLI and the server are also run with every
 * network entry point blocked and logged (test/cli/network.test.ts, test/lsp/network.test.ts),
 * which covers the bundled libraries too. Links in messages and the "Open Rule Documentation"
 * command hand a URL to the user's browser; they are not requests of ours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../../helpers';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js|mjs|cjs)$/.test(name)) out.push(p);
  }
  return out;
}

const MODULES = /^(node:)?(net|tls|http|https|http2|dgram|dns|dns\/promises)$|^(undici|node-fetch|axios|got|ws|request|superagent)(\/|$)/;
const GLOBALS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|navigator\.sendBeacon)\s*\(|new\s+(WebSocket|XMLHttpRequest|EventSource)\b/;

test('nothing in server/src or client/src imports a networking module or calls a networking global', () => {
  const offenders: string[] = [];
  for (const file of [...sources(join(ROOT, 'server/src')), ...sources(join(ROOT, 'client/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) if (MODULES.test(m[1])) offenders.push(`${relative(ROOT, file)} imports ${m[1]}`);
    text.split('\n').forEach((line, i) => {
      if (GLOBALS.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the network blocker the runtime tests preload does block and log (so their silence means something)', () => {
  const log = join(tmpdir(), `no-network-${process.pid}.log`);
  const script = `
    const tries = [() => require('node:http').get('http://127.0.0.1:9'), () => require('node:net').connect(9, '127.0.0.1'),
      () => new (require('node:net').Socket)().connect(9), () => require('node:dns').lookup('example.com', () => {}), () => fetch('http://127.0.0.1:9')];
    for (const t of tries) { try { t(); } catch {} }`;
  try {
    const r = spawnSync(process.execPath, ['--require', join(__dirname, 'noNetwork.cjs'), '-e', script], { env: { ...process.env, NO_NETWORK_LOG: log }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), ['node:http.get', 'node:net.connect', 'net.Socket.connect', 'node:dns.lookup', 'fetch']);
  } finally {
    rmSync(log, { force: true });
  }
});
