// Preloaded (node --require) into the CLI and the language server by the no-network tests: every
// way Node offers to reach the network records its name in the file named by NO_NETWORK_LOG and
// throws, so a test sees any attempt even when the code under test catches the error.
'use strict';
const fs = require('node:fs');

const log = process.env.NO_NETWORK_LOG;
// Each process (or worker) that loaded the blocker says so, with its thread id (0 for the main
// thread), so a test knows it was in force, and in which threads.
if (process.env.NO_NETWORK_LOADED) fs.appendFileSync(process.env.NO_NETWORK_LOADED, `${process.pid} ${require('node:worker_threads').threadId}\n`);
function refuse(name) {
  return function refused() {
    if (log) fs.appendFileSync(log, `${name}\n`);
    throw new Error(`network access attempted: ${name}`);
  };
}
function block(moduleName, names) {
  const mod = require(moduleName);
  for (const n of names) if (typeof mod[n] === 'function') mod[n] = refuse(`${moduleName}.${n}`);
  return mod;
}
const net = block('node:net', ['connect', 'createConnection']);
net.Socket.prototype.connect = refuse('net.Socket.connect');
block('node:tls', ['connect']);
block('node:http', ['request', 'get']);
block('node:https', ['request', 'get']);
block('node:http2', ['connect']);
block('node:dgram', ['createSocket']);
block('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
block('node:dns/promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
for (const g of ['fetch', 'WebSocket', 'EventSource']) if (typeof globalThis[g] === 'function') globalThis[g] = refuse(g);
