// The CONFLICT answers of the environment mutations, worded once.
import { ConflictError } from '../errors/index.js';
import type { HeldHost } from './fleet.js';

/** @throws ConflictError naming each host and the environment holding it, when any is held. */
export function refuseHeldHosts(field: string, held: readonly HeldHost[]): void {
  if (held.length > 0) throw heldHostsConflict(field, held);
}

export function heldHostsConflict(field: string, held: readonly HeldHost[]): ConflictError {
  const list = held.map(({ host, environment }) => `"${host}" belongs to environment ${environment}`).join('; ');
  return new ConflictError(`${field}: ${list}`);
}
