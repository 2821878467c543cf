// The characters a mutation accepts in its strings. Names have stricter rules (names.ts);
// these hold for every string of every mutation input, whatever the field, so a lone
// surrogate or an invisible character is refused as the client's mistake before it can
// reach a URL, a label, a log line or the store.
import { quote, refuse } from './problem.js';

/** Longest string accepted in a mutation input outside JSON values (a CA bundle fits). */
export const MAX_TEXT_LENGTH = 65_536;

/**
 * Refused anywhere outside JSON values: control characters (C0, DEL, C1), lone UTF-16
 * surrogates (`"\ud800"`: no Unicode character, so no UTF-8 either), unassigned code points
 * and noncharacters, bidirectional controls (text that reads otherwise than it is) and
 * default-ignorable characters (zero-width spaces, joiners, BOM: text that looks like
 * another). In a `u` regex a lone surrogate is a code point of category Cs.
 */
const REFUSED = /[\p{Cc}\p{Cs}\p{Cn}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;

/** What JSON values (pod templates) may not hold: lone surrogates and noncharacters (and NUL, below). */
const REFUSED_IN_JSON = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** What is wrong with a string of a mutation input, or undefined when nothing is. */
export function textProblem(text: string): string | undefined {
  if (text.length > MAX_TEXT_LENGTH) return `is longer than ${MAX_TEXT_LENGTH} characters`;
  return characterProblem(text, REFUSED);
}

/** The same for a string (or key) inside a JSON value. */
export function jsonTextProblem(text: string): string | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return `holds U+0000 (NUL) at position ${nul}: such characters are not accepted`;
  return characterProblem(text, REFUSED_IN_JSON);
}

/** @throws BadUserInputError naming the field when the text breaks textProblem's rules */
export function checkText(text: string, field: string): string {
  const problem = textProblem(text);
  if (problem) refuse(field, `${quote(text)} ${problem}`);
  return text;
}

function characterProblem(text: string, refused: RegExp): string | undefined {
  const found = refused.exec(text);
  if (!found) return undefined;
  const char = found[0];
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `holds U+${code} (${describe(char)}) at position ${found.index}: such characters are not accepted`;
}

function describe(char: string): string {
  if (/\p{Cs}/u.test(char)) return 'a lone UTF-16 surrogate, which is no Unicode character';
  if (/\p{Cc}/u.test(char)) return 'a control character';
  if (/\p{Noncharacter_Code_Point}/u.test(char)) return 'a Unicode noncharacter';
  if (/\p{Cn}/u.test(char)) return 'an unassigned code point';
  if (/\p{Bidi_Control}/u.test(char)) return 'a bidirectional control';
  return 'an invisible character';
}
