// Kubernetes label selectors: parsed from the `?labelSelector=` text form or built from
// the metav1.LabelSelector object form, and matched with apimachinery's semantics.
import { SelectorError } from './errors.js';
import { parseLabelRequirements } from './label-parser.js';
import { labelKeyProblem, labelValueProblem } from './label-validation.js';

export type LabelOperator = 'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** one value for Equals/NotEquals, at least one for In/NotIn, none for Exists/DoesNotExist */
  readonly values: readonly string[];
}

export interface LabelSelector {
  /** sorted by key, values sorted and without duplicates: the canonical form */
  readonly requirements: readonly LabelRequirement[];
  /** true when every requirement holds; an object without labels has none */
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** true for the selector that matches everything */
  isEmpty(): boolean;
  /** canonical text, e.g. `app=web,!canary,tier in (a,b)`; parses back to an equal selector */
  toString(): string;
}

/** metav1.LabelSelector, as in Deployment.spec.selector. */
export interface LabelSelectorObject {
  matchLabels?: Readonly<Record<string, string>>;
  matchExpressions?: readonly LabelSelectorExpression[];
}

export interface LabelSelectorExpression {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: readonly string[];
}

/**
 * Parses kubectl/apimachinery selector syntax. The empty string (or only whitespace)
 * selects everything. Throws SelectorError naming the problem and its column.
 */
export function parseLabelSelector(text: string): LabelSelector {
  return createLabelSelector(parseLabelRequirements(text));
}

/**
 * The selector a metav1.LabelSelector stands for (apimachinery's LabelSelectorAsSelector):
 * matchLabels become Equals requirements, matchExpressions keep their operator, and an
 * object with neither selects everything. Throws SelectorError on invalid keys, values or
 * operators, or on a values list that does not fit its operator.
 */
export function labelSelectorFromObject(selector: LabelSelectorObject): LabelSelector {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]): LabelRequirement => ({ key, operator: 'Equals', values: [value] }),
  );
  const fromExpressions = (selector.matchExpressions ?? []).map(expressionRequirement);
  const requirements = [...fromLabels, ...fromExpressions];
  requirements.forEach(checkRequirement);
  return createLabelSelector(requirements);
}

function expressionRequirement(expression: LabelSelectorExpression, index: number): LabelRequirement {
  const where = `matchExpressions[${index}]`;
  // The type promises an operator, but selectors arrive as JSON from clients.
  const operator: string = expression.operator;
  const values = expression.values ?? [];
  switch (expression.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) throw new SelectorError(`${where}.values: must be non-empty for operator ${operator}`);
      return { key: expression.key, operator: expression.operator, values };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) throw new SelectorError(`${where}.values: must be empty for operator ${operator}`);
      return { key: expression.key, operator: expression.operator, values };
    default:
      throw new SelectorError(`${where}.operator: ${JSON.stringify(operator)} is not a valid label selector operator`);
  }
}

function checkRequirement(requirement: LabelRequirement): void {
  const keyProblem = labelKeyProblem(requirement.key);
  if (keyProblem) throw new SelectorError(`invalid label key ${JSON.stringify(requirement.key)}: ${keyProblem}`);
  for (const value of requirement.values) {
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      throw new SelectorError(`invalid label value ${JSON.stringify(value)} for key ${JSON.stringify(requirement.key)}: ${valueProblem}`);
    }
  }
}

function createLabelSelector(requirements: readonly LabelRequirement[]): LabelSelector {
  const canonical = Object.freeze(requirements.map(canonicalRequirement).sort(byKey));
  const text = canonical.map(requirementText).join(',');
  return Object.freeze({
    requirements: canonical,
    matches: (labels: Readonly<Record<string, string>> | undefined) => canonical.every((r) => requirementMatches(r, labels ?? {})),
    isEmpty: () => canonical.length === 0,
    toString: () => text,
  });
}

function canonicalRequirement(requirement: LabelRequirement): LabelRequirement {
  const values = Object.freeze([...new Set(requirement.values)].sort());
  return Object.freeze({ key: requirement.key, operator: requirement.operator, values });
}

function byKey(a: LabelRequirement, b: LabelRequirement): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** As in Kubernetes, `!=` and `notin` hold for objects that lack the key altogether. */
function requirementMatches(requirement: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.hasOwn(labels, requirement.key) ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Equals':
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotEquals':
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    default:
      return unreachable(requirement.operator);
  }
}

function requirementText({ key, operator, values }: LabelRequirement): string {
  switch (operator) {
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'Equals':
      return `${key}=${values[0] ?? ''}`;
    case 'NotEquals':
      return `${key}!=${values[0] ?? ''}`;
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    default:
      return unreachable(operator);
  }
}

function unreachable(value: never): never {
  throw new Error(`unexpected label operator ${String(value)}`);
}
