// Workload statuses are written as the API server serialises them: counters tagged
// `omitempty` in the Go types disappear at zero, the rest are always present.

/** `status` without the listed members when they are 0 (or undefined); other members as given */
export function withoutZeros<T extends object>(status: T, omitEmpty: readonly (keyof T)[]): T {
  const out = { ...status };
  for (const key of Object.keys(out) as (keyof T)[]) {
    const value = out[key];
    if (value === undefined || (omitEmpty.includes(key) && (value === 0 || (Array.isArray(value) && value.length === 0)))) delete out[key];
  }
  return out;
}
