// The `fleetgraph` command line: commander wiring, global options, and exit codes for failures.
import { Command, CommanderError, Option } from 'commander';
import { type FleetgraphClient, FleetgraphError, createFleetgraphClient } from '../client/index.js';
import { addChangeCommands } from './change-commands.js';
import { addEnvCommands } from './env-commands.js';
import { EXIT, type ExitCode, UsageError, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './io.js';
import { FORMATS, type Format } from './output.js';
import { addReadCommands } from './read-commands.js';
import type { Session } from './session.js';
import { addWatchCommand } from './watch-command.js';

export const DEFAULT_URL = 'http://127.0.0.1:4000/graphql';

/** Wraps a command's work: builds its session from the global options and records its exit code. */
export type Act = <A extends unknown[]>(work: (session: Session, ...args: A) => Promise<ExitCode | void>) => (...args: unknown[]) => Promise<void>;

/** What one run leaves behind: its exit code and the client to dispose. */
export interface RunState {
  code: ExitCode;
  client?: FleetgraphClient;
}

/**
 * The program, writing to `io` and throwing (never exiting) on usage errors and --help.
 * Commands record their exit code in `state`.
 */
export function buildProgram(io: CliIo, state: RunState = { code: EXIT.OK }): Command {
  const program = new Command('fleetgraph')
    .description('Query and change a fleet of Kubernetes clusters through a fleetgraph gateway')
    .addOption(new Option('--url <url>', `the gateway's GraphQL endpoint (env: FLEETGRAPH_URL, default: ${DEFAULT_URL})`))
    .addOption(new Option('--token <token>', 'bearer token (env: FLEETGRAPH_TOKEN)'))
    .addOption(new Option('-o, --output <format>', 'output format; json is an array or object a script can parse').choices(FORMATS).default('table'))
    .exitOverride()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExit codes: 0 success; 1 the operation FAILED or was CANCELLED (or the server refused the request); 2 usage errors; 3 the server cannot be reached or refused the token.');

  const act: Act = <A extends unknown[]>(work: (session: Session, ...args: A) => Promise<ExitCode | void>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const globals = command.optsWithGlobals<{ url?: string; token?: string; output: Format }>();
    state.client ??= createFleetgraphClient({ url: globals.url ?? io.env.FLEETGRAPH_URL ?? DEFAULT_URL, token: globals.token ?? (io.env.FLEETGRAPH_TOKEN || undefined), webSocketImpl: io.webSocketImpl });
    const session: Session = { client: state.client, format: globals.output, io };
    state.code = (await work(session, ...(args.slice(0, -1) as A))) ?? EXIT.OK;
  };

  addReadCommands(program, act);
  addChangeCommands(program, act);
  addEnvCommands(program, act);
  addWatchCommand(program, act);
  return program;
}

/** Runs the CLI with `argv` (the arguments after the program name); resolves with the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const state: RunState = { code: EXIT.OK };
  try {
    await buildProgram(io, state).parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (err) {
    return failed(err, io);
  } finally {
    await state.client?.dispose();
  }
}

function failed(err: unknown, io: CliIo): ExitCode {
  // commander has already printed its message (or the help, whose exit code is 0).
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (err instanceof UsageError) {
    io.stderr.write(`error: ${err.message}\n`);
    return EXIT.USAGE;
  }
  if (err instanceof FleetgraphError) {
    io.stderr.write(`error: ${err.message} (${err.code})\n`);
    return exitCodeFor(err.code);
  }
  io.stderr.write(`error: ${err instanceof Error ? err.message : String(err)} (INTERNAL_ERROR)\n`);
  return EXIT.FAILED;
}
