// The build convention for tags: up to six '_'-separated parts, read from the right as
// commit, build, version, branch, repo and owner. A part that is empty says nothing.

/** What a tag says under the convention; null wherever it says nothing. */
export interface TagFields {
  owner: string | null;
  repo: string | null;
  branch: string | null;
  /** the version part as written, `v` prefix and all */
  version: string | null;
  build: string | null;
  commit: string | null;
}

type TagField = keyof TagFields;

/** The six-part layout; a tag of three or more parts fills its last entries. */
const LAYOUT: readonly TagField[] = ['owner', 'repo', 'branch', 'version', 'build', 'commit'];
const DIGITS = /^\d+$/;

const NOTHING: Readonly<TagFields> = { owner: null, repo: null, branch: null, version: null, build: null, commit: null };

export function readTag(tag: string): TagFields {
  const parts = tag.split('_');
  // Past six parts the convention cannot be what was meant: the whole tag is the version.
  if (parts.length > LAYOUT.length) return { ...NOTHING, version: tag };
  const fields: TagFields = { ...NOTHING };
  layoutOf(parts).forEach((name, i) => {
    fields[name] = parts[i] || null;
  });
  return fields;
}

function layoutOf(parts: readonly string[]): readonly TagField[] {
  if (parts.length === 1) return ['version'];
  // Two parts are ambiguous: a number after the version is a build, anything else a commit.
  if (parts.length === 2) return ['version', DIGITS.test(parts[1]!) ? 'build' : 'commit'];
  return LAYOUT.slice(LAYOUT.length - parts.length);
}
