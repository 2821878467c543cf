// How often one selection set names the same field. graphql-js checks every pair of fields
// that share a response name (OverlappingFieldsCanBeMerged), so `{ clusters { name name … } }`
// costs its validation time quadratic in the repeats: 2000 of them held the event loop for
// seconds while depth, aliases and cost all stayed low. Counted here in linear time first.
import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { QueryLimitError } from './errors.js';

/** A validation rule refusing a selection set that names one response key more than `maxRepeats` times. */
export function repeatsRule(maxRepeats: number) {
  return (context: ValidationContext): ASTVisitor => {
    // Each fragment's own counts, made once however often it is spread.
    const fragments = new Map<string, Map<string, number>>();
    let reported = false;
    return {
      SelectionSet(selectionSet) {
        if (reported) return;
        const counts = keyCounts(selectionSet, context, fragments, new Set());
        for (const [key, found] of counts) {
          if (found <= maxRepeats) continue;
          reported = true;
          const message = `field "${key}" is asked ${found} times in one selection set, over the limit of ${maxRepeats} by ${found - maxRepeats}`;
          context.reportError(new QueryLimitError('repeats', message, { max: maxRepeats, found }));
          return;
        }
      },
    };
  };
}

/** Response keys of one selection set, through inline fragments and (each once) named fragments. */
function keyCounts(selectionSet: SelectionSetNode, context: ValidationContext, fragments: Map<string, Map<string, number>>, spread: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (from: Map<string, number>) => from.forEach((n, key) => counts.set(key, (counts.get(key) ?? 0) + n));
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) add(new Map([[selection.alias?.value ?? selection.name.value, 1]]));
    else if (selection.kind === Kind.INLINE_FRAGMENT) add(keyCounts(selection.selectionSet, context, fragments, spread));
    else if (!spread.has(selection.name.value)) {
      // graphql-js compares a fragment spread twice in one set only once, and so do we.
      spread.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) add(fragmentCounts(fragment, context, fragments));
    }
  }
  return counts;
}

function fragmentCounts(fragment: FragmentDefinitionNode, context: ValidationContext, fragments: Map<string, Map<string, number>>): Map<string, number> {
  const name = fragment.name.value;
  let counts = fragments.get(name);
  if (!counts) {
    // Entered before counting, so a cycle (refused by graphql-js's own rules) counts nothing.
    fragments.set(name, new Map());
    counts = keyCounts(fragment.selectionSet, context, fragments, new Set([name]));
    fragments.set(name, counts);
  }
  return counts;
}
