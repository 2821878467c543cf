#!/usr/bin/env node
// The `fleetgraph` binary: the CLI on the process's streams, environment and SIGINT.
import WebSocket from 'ws';
import { run } from './program.js';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: interrupted.signal, webSocketImpl: WebSocket });
