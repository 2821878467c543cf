// Records made once per Kubernetes object. Objects from the read cache stay the same object
// until they change, so a warm query reuses their records instead of making thousands anew;
// an object read from the cluster takes its record with it. Records are frozen: every request
// shares them.

/** `make`, remembered per (cluster, object). */
export function perObject<O extends object, R extends object>(make: (cluster: string, object: O) => R): (cluster: string, object: O) => R {
  const made = new WeakMap<O, { cluster: string; record: R }>();
  return (cluster, object) => {
    const known = made.get(object);
    if (known?.cluster === cluster) return known.record;
    const record = Object.freeze(make(cluster, object)) as R;
    made.set(object, { cluster, record });
    return record;
  };
}
