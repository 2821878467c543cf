// A port of apimachinery's labels.Parser (k8s.io/apimachinery/pkg/labels/selector.go):
// the same grammar, the same acceptance of odd-but-legal input (`a in (,b)`, `a=`), and
// its error wording, with the offending token's position added. The `<`/`>` operators
// apimachinery accepts for node affinity are not part of this selector model.
//
//   selector    := requirement (',' requirement)* | ''
//   requirement := '!' key | key | key ('=' | '==' | '!=') value? | key ('in' | 'notin') '(' values ')'
import { SelectorError } from './errors.js';
import { type Token, lexLabelSelector } from './label-lexer.js';
import type { LabelOperator, LabelRequirement } from './label-selector.js';
import { labelKeyProblem, labelValueProblem } from './label-validation.js';

/**
 * Apimachinery reads `in`/`notin` as keywords only where an operator may stand;
 * anywhere else (a key, a value) they are ordinary identifiers.
 */
type Context = 'operator' | 'values';

class Cursor {
  private index = 0;
  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(context: Context): Token {
    const token = this.tokens[this.index]!;
    const keyword = token.kind === 'in' || token.kind === 'notin';
    return context === 'values' && keyword ? { ...token, kind: 'identifier' } : token;
  }

  next(context: Context): Token {
    const token = this.peek(context);
    if (token.kind !== 'end') this.index++;
    return token;
  }

  fail(token: Token, problem: string, inRequirement = true): never {
    const prefix = inRequirement ? 'unable to parse requirement: ' : '';
    const where = `(column ${token.pos + 1} of ${JSON.stringify(this.text)})`;
    throw new SelectorError(`${prefix}${problem} ${where}`, { selector: this.text, position: token.pos });
  }
}

/** The requirements in `text`, in the order written; throws SelectorError on invalid input. */
export function parseLabelRequirements(text: string): LabelRequirement[] {
  const cursor = new Cursor(text, lexLabelSelector(text));
  const requirements: LabelRequirement[] = [];
  let expected = "!, identifier, or 'end of string'";
  for (;;) {
    const start = cursor.peek('values');
    if (start.kind === 'end' && requirements.length === 0) return requirements;
    if (start.kind !== 'identifier' && start.kind !== '!') cursor.fail(start, `found ${shown(start)}, expected: ${expected}`, false);
    requirements.push(parseRequirement(cursor));
    const separator = cursor.next('values');
    if (separator.kind === 'end') return requirements;
    if (separator.kind !== ',') cursor.fail(separator, `found ${shown(separator)}, expected: ',' or 'end of string'`, false);
    expected = "identifier after ','";
  }
}

function parseRequirement(cursor: Cursor): LabelRequirement {
  const negated = cursor.peek('values').kind === '!';
  if (negated) cursor.next('values');
  const key = parseKey(cursor);
  const following = cursor.peek('values').kind;
  // `!key` ignores what follows; the caller then rejects anything but ',' or the end.
  if (negated) return { key, operator: 'DoesNotExist', values: [] };
  if (following === 'end' || following === ',') return { key, operator: 'Exists', values: [] };
  const operator = parseOperator(cursor);
  const values = operator === 'In' || operator === 'NotIn' ? parseValueSet(cursor) : [parseExactValue(cursor)];
  return { key, operator, values };
}

function parseKey(cursor: Cursor): string {
  const token = cursor.next('values');
  if (token.kind !== 'identifier') cursor.fail(token, `found ${shown(token)}, expected: identifier`);
  const problem = labelKeyProblem(token.text);
  if (problem) cursor.fail(token, `invalid label key ${JSON.stringify(token.text)}: ${problem}`);
  return token.text;
}

function parseOperator(cursor: Cursor): LabelOperator {
  const token = cursor.next('operator');
  switch (token.kind) {
    case 'in':
      return 'In';
    case 'notin':
      return 'NotIn';
    case '=':
    case '==':
      return 'Equals';
    case '!=':
      return 'NotEquals';
    default:
      return cursor.fail(token, `found ${shown(token)}, expected: in, notin, =, ==, !=`);
  }
}

/** `a=` and `a!=` compare against the empty value, as apimachinery allows. */
function parseExactValue(cursor: Cursor): string {
  const following = cursor.peek('values');
  if (following.kind === 'end' || following.kind === ',') return '';
  const token = cursor.next('values');
  if (token.kind !== 'identifier') cursor.fail(token, `found ${shown(token)}, expected: identifier`);
  return checkedValue(cursor, token);
}

/** `(a,b)`; as in apimachinery, `()` and empty slots such as `(a,)` stand for the empty value. */
function parseValueSet(cursor: Cursor): string[] {
  const open = cursor.next('values');
  if (open.kind !== '(') cursor.fail(open, `found ${shown(open)}, expected: '('`);
  const values = new Set<string>();
  let previous: Token = open;
  for (;;) {
    const token = cursor.next('values');
    if (token.kind === ')') {
      if (previous.kind !== 'identifier') values.add('');
      return [...values];
    }
    if (token.kind === 'identifier' && previous.kind !== 'identifier') values.add(checkedValue(cursor, token));
    else if (token.kind === ',') {
      if (previous.kind !== 'identifier') values.add('');
    } else cursor.fail(token, `found ${shown(token)}, expected: ${previous.kind === 'identifier' ? "',' or ')'" : "',', ')' or identifier"}`);
    previous = token;
  }
}

function checkedValue(cursor: Cursor, token: Token): string {
  const problem = labelValueProblem(token.text);
  if (problem) cursor.fail(token, `invalid label value ${JSON.stringify(token.text)}: ${problem}`);
  return token.text;
}

function shown(token: Token): string {
  return token.kind === 'end' ? "'end of string'" : `'${token.text}'`;
}
