// Kubernetes field selectors (k8s.io/apimachinery/pkg/fields): comma-separated
// `field=value`, `field==value` or `field!=value` terms. Only values are escaped
// (`\,` `\=` `\\`); the field is everything before the first operator.
import { SelectorError } from './errors.js';

export type FieldOperator = 'Equals' | 'NotEquals';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  /** the unescaped value */
  readonly value: string;
}

export interface FieldSelector {
  /** in apimachinery's order: sorted by the text of each term */
  readonly requirements: readonly FieldRequirement[];
  /** true when every requirement holds; `get` answers undefined for a missing field, which compares as '' */
  matches(get: (field: string) => string | undefined): boolean;
  /** true for the selector that matches everything */
  isEmpty(): boolean;
  /** the value an `=`/`==` term pins `field` to, so a lookup can go straight to it */
  exactValue(field: string): string | undefined;
  /** canonical text, values escaped: `metadata.name=web,status.phase!=Running` */
  toString(): string;
}

const OPERATORS: readonly (readonly [string, FieldOperator])[] = [
  // `==` before `=` so that `a==b` does not read as `a` = `=b`.
  ['!=', 'NotEquals'],
  ['==', 'Equals'],
  ['=', 'Equals'],
];

/**
 * Parses a field selector; the empty string selects everything. When `supported` is
 * given, any other field is refused as Kubernetes does: `field label not supported: foo`.
 * Throws SelectorError.
 */
export function parseFieldSelector(text: string, supported?: readonly string[]): FieldSelector {
  const terms = splitTerms(text)
    .filter((term) => term !== '')
    .sort();
  const requirements = terms.map((term) => parseTerm(term, text));
  for (const { field } of requirements) {
    if (supported && !supported.includes(field)) throw new SelectorError(`field label not supported: ${field}`, { selector: text });
  }
  return createFieldSelector(requirements);
}

/** Splits on commas that are not escaped; escapes stay in the terms for parseTerm to undo. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

function parseTerm(term: string, text: string): FieldRequirement {
  for (let i = 0; i < term.length; i++) {
    for (const [symbol, operator] of OPERATORS) {
      if (term.startsWith(symbol, i)) {
        return { field: term.slice(0, i), operator, value: unescapeValue(term.slice(i + symbol.length), term, text) };
      }
    }
  }
  throw new SelectorError(`invalid selector: '${text}'; can't understand '${term}'`, { selector: text });
}

function unescapeValue(escaped: string, term: string, text: string): string {
  let value = '';
  for (let i = 0; i < escaped.length; i++) {
    const char = escaped.charAt(i);
    if (char === ',' || char === '=') {
      throw new SelectorError(`invalid field selector: unescaped character in value: ${char} (in '${term}')`, { selector: text });
    }
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = escaped.charAt(++i);
    if (next !== '\\' && next !== ',' && next !== '=') {
      throw new SelectorError(`invalid field selector: invalid escape sequence: \\${next} (in '${term}')`, { selector: text });
    }
    value += next;
  }
  return value;
}

function escapeValue(value: string): string {
  return value.replace(/[\\,=]/g, (char) => `\\${char}`);
}

function createFieldSelector(requirements: readonly FieldRequirement[]): FieldSelector {
  const frozen = Object.freeze(requirements.map((r) => Object.freeze({ ...r })));
  const text = frozen.map((r) => `${r.field}${r.operator === 'Equals' ? '=' : '!='}${escapeValue(r.value)}`).join(',');
  return Object.freeze({
    requirements: frozen,
    matches: (get: (field: string) => string | undefined) =>
      frozen.every((r) => ((get(r.field) ?? '') === r.value) === (r.operator === 'Equals')),
    isEmpty: () => frozen.length === 0,
    exactValue: (field: string) => frozen.find((r) => r.field === field && r.operator === 'Equals')?.value,
    toString: () => text,
  });
}
