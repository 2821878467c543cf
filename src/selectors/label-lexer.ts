// Splits label selector text into tokens the way apimachinery's labels.Lexer does:
// whitespace separates tokens and is otherwise ignored, `= ! ( ) , < >` are symbols
// (`==` and `!=` taken greedily), and any other run of characters is an identifier
// unless it is exactly `in` or `notin`. Identifiers are not checked here; what makes
// a valid key or value is the parser's business.

const SYMBOLS = ['==', '!=', '=', '!', '(', ')', ',', '<', '>'] as const;
type SymbolKind = (typeof SYMBOLS)[number];

export type TokenKind = 'identifier' | 'in' | 'notin' | SymbolKind | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offset of the token's first character */
  readonly pos: number;
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** Every token of `text`, ending with one `end` token positioned at text.length. */
export function lexLabelSelector(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = skipWhitespace(text, 0);
  while (pos < text.length) {
    const token = symbolAt(text, pos) ?? identifierAt(text, pos);
    tokens.push(token);
    pos = skipWhitespace(text, pos + token.text.length);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && WHITESPACE.has(text.charAt(pos))) pos++;
  return pos;
}

/** The symbol starting at pos, two characters before one, as apimachinery scans greedily. */
function symbolAt(text: string, pos: number): Token | undefined {
  const symbol = [text.slice(pos, pos + 2), text.charAt(pos)].find(isSymbol);
  return symbol === undefined ? undefined : { kind: symbol, text: symbol, pos };
}

function isSymbol(text: string): text is SymbolKind {
  return (SYMBOLS as readonly string[]).includes(text);
}

function identifierAt(text: string, pos: number): Token {
  let end = pos;
  while (end < text.length && !isSymbol(text.charAt(end)) && !WHITESPACE.has(text.charAt(end))) end++;
  const word = text.slice(pos, end);
  const kind: TokenKind = word === 'in' || word === 'notin' ? word : 'identifier';
  return { kind, text: word, pos };
}
