import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  BadUserInputError,
  ClusterUnavailableError,
  createErrorFormatter,
  ERROR_CODES,
  NotFoundError,
} from '../../src/errors/index.js';
import { KubeCallError } from '../../src/kube/index.js';
import { createLogger } from '../../src/logging/index.js';

/** A formatter whose log lines are kept in `logged`. */
function formatter() {
  const logged: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => logged.push(JSON.parse(line) as Record<string, unknown>) };
  return { format: createErrorFormatter(createLogger({ level: 'error', destination })), logged };
}

/** What graphql-js does to an error a resolver throws at `path`. */
function fromResolver(thrown: Error): GraphQLError {
  return new GraphQLError(thrown.message, { path: ['clusters', 0, 'status'], originalError: thrown });
}

const formatted = (error: GraphQLError, code?: string): GraphQLFormattedError => {
  const json = error.toJSON();
  return code ? { ...json, extensions: { ...json.extensions, code } } : json;
};

describe('createErrorFormatter', () => {
  it('passes a GatewayError through with its code and extensions', () => {
    const { format, logged } = formatter();
    const error = fromResolver(ClusterUnavailableError.from(new KubeCallError('prod-eu', { kind: 'timeout', timeoutMs: 50 })));
    expect(format(formatted(error), error)).toEqual({
      message: 'Cluster prod-eu is unavailable: the API server did not answer within 50 ms',
      path: ['clusters', 0, 'status'],
      extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-eu' },
    });
    expect(logged).toEqual([]);
  });

  it.each([
    ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'],
    ['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT'],
    ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
    ['MAX_RECURSIVE_SELECTIONS_EXCEEDED', 'QUERY_TOO_COMPLEX'],
  ])('keeps the message of a request error and maps Apollo’s %s to %s', (apolloCode, code) => {
    const { format } = formatter();
    const error = new GraphQLError('Cannot query field "nme" on type "Cluster".');
    expect(format(formatted(error, apolloCode), error)).toEqual({
      message: 'Cannot query field "nme" on type "Cluster".',
      extensions: { code },
    });
  });

  it('treats a code-less error without a path (graphql-ws validation) as BAD_USER_INPUT', () => {
    const { format } = formatter();
    const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.');
    expect(format(formatted(error), error).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('masks anything else and logs the original', () => {
    const { format, logged } = formatter();
    const error = fromResolver(new TypeError("Cannot read properties of undefined (reading 'token')"));
    expect(format(formatted(error, 'INTERNAL_SERVER_ERROR'), error)).toEqual({
      message: 'Internal server error',
      path: ['clusters', 0, 'status'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, err: { message: expect.stringContaining("reading 'token'") } });
  });

  it('masks a plain GraphQLError a resolver throws: only GatewayErrors speak to clients', () => {
    const { format } = formatter();
    const error = fromResolver(new GraphQLError('connect ECONNREFUSED 10.0.0.7:6443'));
    expect(format(formatted(error), error).message).toBe('Internal server error');
  });
});

describe('GatewayError subclasses', () => {
  it.each([
    [new BadUserInputError('bad'), 'BAD_USER_INPUT'],
    [new NotFoundError('gone'), 'NOT_FOUND'],
    [new ClusterUnavailableError('c', 'down'), 'CLUSTER_UNAVAILABLE'],
  ])('%s carries code %s from the closed set', (error, code) => {
    expect(error.extensions.code).toBe(code);
    expect(error.code).toBe(code);
    expect(ERROR_CODES).toContain(code);
  });
});
