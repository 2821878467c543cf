// The pieces of an image reference as distribution/reference (regexp.go) defines them.
// Each check returns what is wrong in words a user can act on, or undefined when valid.

/** distribution's NameTotalLengthMax: registry, '/' and path together */
export const NAME_MAX = 255;
const TAG_MAX = 128;

// distribution writes the separator as `[_.]|__|[-]*`; `-+` accepts the same names
// without the nested `[a-z0-9]+` repetition that backtracks exponentially on a bad one.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const REGISTRY = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^\w[\w.-]*$/;
// The digest algorithms OCI registers; go-digest checks each one's hex length.
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** A registry is host[:port]: a DNS name, an IPv4 address or a bracketed IPv6 address. */
export function registryProblem(registry: string): string | undefined {
  if (REGISTRY.test(registry)) return undefined;
  return `registry ${JSON.stringify(registry)} is not a valid host[:port]`;
}

const COMPONENT_RULE = "must be lowercase letters and digits, separated by '.', '_', '__' or dashes";

/** The path is one or more lowercase components joined by '/'. */
export function pathProblem(components: readonly string[]): string | undefined {
  for (const component of components) {
    if (component === '') return "the repository path has an empty component (a leading, trailing or doubled '/')";
    if (PATH_COMPONENT.test(component)) continue;
    if (/[A-Z]/.test(component)) return `repository path component ${JSON.stringify(component)} must be lowercase`;
    return `repository path component ${JSON.stringify(component)} ${COMPONENT_RULE}`;
  }
  return undefined;
}

export function tagProblem(tag: string): string | undefined {
  if (tag === '') return "the tag after ':' is empty";
  if (tag.length > TAG_MAX) return `the tag must be at most ${TAG_MAX} characters, not ${tag.length}`;
  if (TAG.test(tag)) return undefined;
  if (!/^\w/.test(tag)) return `tag ${JSON.stringify(tag)} must start with a letter, digit or '_'`;
  return `tag ${JSON.stringify(tag)} may hold only letters, digits, '_', '.' and '-'`;
}

export function digestProblem(digest: string): string | undefined {
  if (digest === '') return "the digest after '@' is empty";
  if (DIGEST.test(digest)) return undefined;
  return `digest ${JSON.stringify(digest)} must be sha256: and 64, or sha512: and 128, lowercase hex digits`;
}
