/**
 * The `image` criterion of a workload filter: a case-insensitive substring of the
 * reference as written, so it can name a registry, an owner, a name or a tag. It does not
 * see what parsing implies (`library/`, `docker.io`, `:latest`); an empty fragment matches all.
 */
export function imageMatchesFragment(image: string, fragment: string): boolean {
  return image.toLowerCase().includes(fragment.toLowerCase());
}
