import { ImageParseError } from './errors.js';
import { NAME_MAX, digestProblem, pathProblem, registryProblem, tagProblem } from './grammar.js';

/** A reference cut into its pieces, each as written. */
export interface ReferenceParts {
  /** null when the reference names no registry */
  registry: string | null;
  /** the repository path, split on '/'; never empty */
  path: string[];
  /** null when there is no ':tag' */
  tag: string | null;
  /** `algorithm:hex`, null when there is no '@digest' */
  digest: string | null;
}

// ParseNormalizedNamed refuses a bare image ID so it is not taken for a repository name.
const IMAGE_ID = /^[a-f0-9]{64}$/;

/**
 * Cuts `[registry/]path[:tag][@digest]` as distribution/reference does and checks every piece.
 * @throws ImageParseError naming the first piece at fault.
 */
export function splitReference(spec: string): ReferenceParts {
  if (spec === '') throw new ImageParseError(spec, 'the reference is empty');
  if (IMAGE_ID.test(spec)) throw new ImageParseError(spec, 'a 64-digit hex string is an image ID, not a reference');
  const [named, digest] = cut(spec, '@');
  const [registry, remainder] = splitRegistry(named);
  // Past the registry (whose port holds the only other legal ':'), a ':' starts the tag.
  const [path, tag] = cut(remainder, ':');
  const parts = { registry, path: path.split('/'), tag, digest };
  const problem = partsProblem(parts);
  if (problem !== undefined) throw new ImageParseError(spec, problem);
  return parts;
}

/** Text before and after the first `separator`; null after when it does not occur. */
function cut(text: string, separator: string): [string, string | null] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * The first '/'-segment is a registry when it holds '.' or ':' or is `localhost`, as in
 * Docker's splitDockerDomain. Docker also takes a segment with uppercase letters for a
 * registry; here it stays in the path and is refused as not lowercase, a clearer message
 * for what is nearly always a typo.
 */
function splitRegistry(named: string): [string | null, string] {
  const slash = named.indexOf('/');
  if (slash === -1) return [null, named];
  const first = named.slice(0, slash);
  const isRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  return isRegistry ? [first, named.slice(slash + 1)] : [null, named];
}

function partsProblem(parts: ReferenceParts): string | undefined {
  const path = parts.path.join('/');
  const name = parts.registry === null ? path : `${parts.registry}/${path}`;
  if (name.length > NAME_MAX) return `the repository name must be at most ${NAME_MAX} characters, not ${name.length}`;
  return (
    (parts.registry === null ? undefined : registryProblem(parts.registry)) ??
    pathProblem(parts.path) ??
    (parts.tag === null ? undefined : tagProblem(parts.tag)) ??
    (parts.digest === null ? undefined : digestProblem(parts.digest))
  );
}
