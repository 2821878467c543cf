// Kubernetes times (creationTimestamp, a condition's lastTransitionTime) are RFC 3339 text in
// the JSON the gateway reads; client-node's types call them Date. Records carry Dates.

/** The time as a Date, or null when absent or not a time. */
export function kubeTime(value: Date | string | null | undefined): Date | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
