// What a CLI run touches of the outside world, passed in so tests can run commands in process.

/** One output stream: what the CLI writes to, and whether a person watches it. */
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutStream;
  /** where errors, progress lines and the progress bar go, so stdout stays parseable */
  readonly stderr: OutStream & NodeJS.WritableStream;
  /** FLEETGRAPH_URL and FLEETGRAPH_TOKEN are read from here */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** aborted on SIGINT: `watch` stops and the run ends with 0 */
  readonly signal?: AbortSignal;
  /** a WebSocket constructor for graphql-ws (Node 20 has none global) */
  readonly webSocketImpl?: unknown;
}
