#!/usr/bin/env node
/* global process, URL */
// `npm start`: builds only when a source is newer than the last build, then runs the gateway
// as this process's one child. SIGINT/SIGTERM sent to this process (or to npm, which passes
// them on) reach the gateway, which shuts down gracefully; this process exits as it does.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildDecision, markBuilt } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const decision = buildDecision(root);
if (decision.build) {
  process.stderr.write(`fleetgraph: building (${decision.reason})\n`);
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  markBuilt(root);
}

// Its own process group: a terminal's Ctrl-C reaches the gateway once, through here, rather
// than once from the terminal and again from npm and from this process.
// A young generation of 64 MB: a warm query of a large fleet builds a big result whose
// objects live until it is sent; with V8's default (16 MB) half its time went to
// scavenges (README, "Operating").
const gateway = spawn(process.execPath, ['--max-semi-space-size=64', 'dist/src/server/main.js', ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit', detached: true, env: process.env });
const lastSent = new Map();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // The terminal and npm deliver the same Ctrl-C twice within milliseconds: pass it on once,
    // so that only a deliberate second signal tells the gateway to stop at once.
    const now = Date.now();
    if (now - (lastSent.get(signal) ?? 0) < 500) return;
    lastSent.set(signal, now);
    gateway.kill(signal);
  });
}
gateway.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
