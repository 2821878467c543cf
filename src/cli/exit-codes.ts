// The CLI's exit codes, part of its interface: scripts branch on them.

export const EXIT = {
  OK: 0,
  /** the operation FAILED or was CANCELLED (or the server refused the request: NOT_FOUND, CONFLICT, ...) */
  FAILED: 1,
  /** unknown command or option, a bad value, or the server's BAD_USER_INPUT */
  USAGE: 2,
  /** the server cannot be reached, or refused the token (UNAUTHENTICATED, FORBIDDEN) */
  UNAVAILABLE: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage error the CLI finds itself (a value commander cannot check alone). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit code for a FleetgraphError's code. */
export function exitCodeFor(code: string): ExitCode {
  switch (code) {
    case 'BAD_USER_INPUT':
      return EXIT.USAGE;
    case 'NETWORK_ERROR':
    case 'BAD_RESPONSE':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return EXIT.UNAVAILABLE;
    default:
      return EXIT.FAILED;
  }
}
