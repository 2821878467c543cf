// How a refused input is reported: BAD_USER_INPUT whose message starts with the field's
// path as the client wrote it (`input.workload.name: ...`), quoting the value briefly.
import { BadUserInputError } from '../errors/index.js';

/** Quoted values are cut here, so a megabyte of input is not echoed back. */
const QUOTE_LIMIT = 80;

/** @throws BadUserInputError `${field}: ${problem}` */
export function refuse(field: string, problem: string): never {
  throw new BadUserInputError(`${field}: ${problem}`);
}

/** JSON-quoted (lone surrogates and control characters come out escaped), cut to 80 characters. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…(${text.length} characters)` : text;
}

/** The list, unless it is given empty: an empty list selects nothing, surely a mistake. */
export function nonEmpty<T>(list: readonly T[] | null | undefined, field: string): readonly T[] | null | undefined {
  if (list && list.length === 0) refuse(field, 'an empty list selects nothing; name at least one, or leave it out');
  return list;
}
