// Parsing option values: a bad one is a usage error (exit 2) naming the option's accepted values.
import { InvalidArgumentError } from 'commander';
import type { HostStatus, ImageField, ResourceKind, WorkloadKind, WorkloadStatus } from '../client/index.js';

/** Appends each use of a repeatable option. */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return Number(value);
}

/** `value` as an enum's member: `fullVersion`, `full-version` and `FULL_VERSION` are all FULL_VERSION. */
export function enumValue<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    const upper = value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase();
    if (!(allowed as readonly string[]).includes(upper)) throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}.`);
    return upper as T;
  };
}

/** A repeatable enum option, each use of it a comma-separated list. */
export function enumList<T extends string>(allowed: readonly T[]): (value: string, previous?: T[]) => T[] {
  const one = enumValue(allowed);
  return (value, previous = []) => [...previous, ...value.split(',').filter(Boolean).map(one)];
}

export const HOST_STATUSES = ['ACTIVE', 'CORDONED', 'NOT_READY', 'RESTARTING', 'UNKNOWN'] as const satisfies readonly HostStatus[];
export const WORKLOAD_STATUSES = ['AVAILABLE', 'DEGRADED', 'FAILED', 'PAUSED', 'PROGRESSING', 'SCALED_DOWN'] as const satisfies readonly WorkloadStatus[];
export const WORKLOAD_KINDS = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'] as const satisfies readonly WorkloadKind[];
export const RESOURCE_KINDS = ['DAEMONSET', 'DEPLOYMENT', 'HOST', 'NAMESPACE', 'POD', 'STATEFULSET'] as const satisfies readonly ResourceKind[];
export const IMAGE_FIELDS = ['IMAGE_NAME', 'IMAGE_OWNER', 'OWNER', 'REPO', 'BRANCH', 'FULL_VERSION', 'VERSION', 'BUILD', 'COMMIT'] as const satisfies readonly ImageField[];
