// The rules apimachinery applies to label keys and values (k8s.io/apimachinery
// pkg/util/validation: IsQualifiedName, IsValidLabelValue). Each check returns
// what is wrong, in apimachinery's words, or undefined when the text is valid.

const NAME_MAX = 63;
const PREFIX_MAX = 253;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const ALPHABET = "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const NAME_CHARS = `must consist of ${ALPHABET}`;
const SUBDOMAIN_CHARS =
  "must be a lowercase RFC 1123 subdomain: lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character";

/** A key is `name` or `prefix/name`: the name ≤63 chars, the prefix a DNS subdomain ≤253. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `a qualified name ${NAME_CHARS}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  const problems = [
    ...(parts.length === 2 ? prefixProblems(parts[0]!) : []),
    ...nameProblems(name),
  ];
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** A value is empty, or ≤63 chars of the same alphabet as a key's name part. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > NAME_MAX) return `must be no more than ${NAME_MAX} characters`;
  if (value !== '' && !NAME.test(value)) return `a valid label must be an empty string or consist of ${ALPHABET}`;
  return undefined;
}

function prefixProblems(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty'];
  if (prefix.length > PREFIX_MAX) return [`prefix part must be no more than ${PREFIX_MAX} characters`];
  return DNS_SUBDOMAIN.test(prefix) ? [] : [`prefix part ${SUBDOMAIN_CHARS}`];
}

function nameProblems(name: string): string[] {
  if (name === '') return ['name part must be non-empty'];
  const problems: string[] = [];
  if (name.length > NAME_MAX) problems.push(`name part must be no more than ${NAME_MAX} characters`);
  if (!NAME.test(name)) problems.push(`name part ${NAME_CHARS}`);
  return problems;
}
