// A subscriber that asks for the current state first (`resourceChanged(initial: true)`, issue 11)
// must get its own snapshot: joining a group that is already running would skip it. Such
// operations run alone, as do those of fields that always send their state first (summaryChanged).
import { type ExecutionArgs, Kind, type OperationDefinitionNode, getOperationAST } from 'graphql';

/** The argument a root subscription field takes to send the current state before changes. */
export const INITIAL_ARGUMENT = 'initial';

/** Root subscription fields whose first event is always the current state: summaryChanged's counts at subscribe time. */
export const STATE_FIRST_FIELDS: readonly string[] = ['summaryChanged'];

/**
 * Whether any root field of the operation may ask for its initial state: a STATE_FIRST_FIELDS field, or
 * `initial` given, and not as literal false or a variable that is false (given, or by its default).
 */
export function asksForInitialState({ document, operationName, variableValues }: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues'>): boolean {
  const operation = getOperationAST(document, operationName);
  return (operation?.selectionSet.selections ?? []).some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (STATE_FIRST_FIELDS.includes(selection.name.value) ||
        (selection.arguments ?? []).some((arg) => {
          if (arg.name.value !== INITIAL_ARGUMENT) return false;
          if (arg.value.kind === Kind.BOOLEAN) return arg.value.value;
          if (arg.value.kind === Kind.VARIABLE) return variableOf(operation, arg.value.name.value, variableValues) !== false;
          return true;
        })),
  );
}

/** A variable's value as given, else its default when that is a literal boolean; undefined otherwise. */
function variableOf(operation: OperationDefinitionNode | null | undefined, name: string, values: ExecutionArgs['variableValues']): unknown {
  if (values && name in values) return values[name];
  const fallback = operation?.variableDefinitions?.find((definition) => definition.variable.name.value === name)?.defaultValue;
  return fallback?.kind === Kind.BOOLEAN ? fallback.value : undefined;
}
