// Secrets recognised by what they look like, wherever they sit: a token pasted into a
// label, a key in a container's args, a certificate in an annotation. Names alone (redact.ts)
// miss these. Each rule replaces only the secret, so the rest of the text still says what
// was asked. The patterns are linear (no nested quantifiers): safe on any input.

export const REDACTED = '[redacted]';

interface Rule {
  readonly pattern: RegExp;
  readonly replacement: string;
}

const RULES: readonly Rule[] = [
  // PEM blocks (certificates, private keys), also when cut off before their END line.
  { pattern: /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, replacement: REDACTED },
  // Base64 of a PEM block, as kubeconfigs carry them (certificate-authority-data, client-key-data).
  { pattern: /LS0tLS1CRUdJT[A-Za-z0-9+/=\s]*/g, replacement: REDACTED },
  // HTTP credentials: `Bearer <token>`, `Basic <base64>`.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, replacement: `$1 ${REDACTED}` },
  // JWTs (and JWEs): base64url JSON headers start `eyJ`.
  { pattern: /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g, replacement: REDACTED },
  // Passwords in URLs: scheme://user:password@host.
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, replacement: `$1${REDACTED}@` },
  // Assignments to a secret-named variable or flag: `--password=…`, `DB_TOKEN=…`, `?access_token=…`.
  {
    pattern: /\b([\w.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[\w.-]*\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s,;&"']+)/gi,
    replacement: `$1${REDACTED}`,
  },
];

// A whole value of 32+ base64/base64url characters mixing upper case, lower case and digits
// is key material (API keys, random tokens). Names, image digests (lower-case hex) and words
// never mix all three without a separator this rule refuses.
const KEY_MATERIAL = /^[A-Za-z0-9+/_-]{32,}={0,2}$/;
const MIXED = [/[A-Z]/, /[a-z]/, /[0-9]/];

/** `text` with every secret-looking part replaced by "[redacted]". */
export function redactText(text: string): string {
  if (KEY_MATERIAL.test(text) && MIXED.every((kind) => kind.test(text))) return REDACTED;
  let redacted = text;
  for (const { pattern, replacement } of RULES) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
