import { ClusterUnavailableError, ConflictError, NotFoundError, BadUserInputError } from '../../src/errors/index.js';
import { KubeCallError, type KubeFailure } from '../../src/kube/index.js';
import { gatewayErrorOf } from '../../src/mutations/kube-errors.js';

const messages = {
  notFound: () => new NotFoundError('gone'),
  conflict: () => new ConflictError('taken'),
  invalid: (err: KubeCallError) => new BadUserInputError(`refused: ${err.message}`),
};

describe('gatewayErrorOf', () => {
  it.each<[string, KubeFailure, unknown, string]>([
    ['404', { kind: 'http', status: 404, reason: 'NotFound' }, NotFoundError, 'gone'],
    ['409', { kind: 'http', status: 409, reason: 'AlreadyExists' }, ConflictError, 'taken'],
    ['422', { kind: 'http', status: 422, reason: 'Invalid' }, BadUserInputError, 'refused: the API server answered HTTP 422 (Invalid)'],
    ['400', { kind: 'http', status: 400 }, BadUserInputError, 'refused: the API server answered HTTP 400'],
    ['403', { kind: 'http', status: 403, reason: 'Forbidden' }, ClusterUnavailableError, 'Cluster c1 is unavailable: the API server answered HTTP 403 (Forbidden)'],
    ['503', { kind: 'http', status: 503 }, ClusterUnavailableError, 'Cluster c1 is unavailable'],
    ['a refused connection', { kind: 'unreachable', code: 'ECONNREFUSED' }, ClusterUnavailableError, 'cannot connect to the API server (ECONNREFUSED)'],
    ['a timeout', { kind: 'timeout', timeoutMs: 100 }, ClusterUnavailableError, 'did not answer within 100 ms'],
  ])('turns %s into the right error', (_title, failure, type, message) => {
    const err = gatewayErrorOf(new KubeCallError('c1', failure), messages);
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toContain(message);
  });

  it('is CLUSTER_UNAVAILABLE for a 404 or 409 the mutation has no words for', () => {
    expect(gatewayErrorOf(new KubeCallError('c1', { kind: 'http', status: 404 }))).toBeInstanceOf(ClusterUnavailableError);
    expect(gatewayErrorOf(new KubeCallError('c1', { kind: 'http', status: 409 }))).toBeInstanceOf(ClusterUnavailableError);
  });

  it('leaves anything else as it is, to be masked', () => {
    const bug = new TypeError('oops');
    expect(gatewayErrorOf(bug, messages)).toBe(bug);
  });
});
