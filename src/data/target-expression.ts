/**
 * Target expressions (`--target "ORIGINAL_PRICE - GROSS_DISCOUNT"`): a column, or `+ - * /` and
 * parentheses over columns and numbers, parsed into a small tree and evaluated row by row. Never
 * `eval`.
 *
 * Grammar (usual precedence, left-associative):
 *   expr    := term (("+" | "-") term)*
 *   term    := unary (("*" | "/") unary)*
 *   unary   := ("+" | "-") unary | primary
 *   primary := NUMBER | NAME | QUOTED | "(" expr ")"
 *   NAME    := [A-Za-z_][A-Za-z0-9_.]*      QUOTED := "…" or `…` (a column name with spaces or symbols)
 *
 * Hand-written recursive descent rather than a library (mathjs, jsep): the grammar is five rules, the
 * errors must name the position and the column as mixlab words them, and a dependency would bring a
 * whole language (functions, assignment, units) that a target must not have.
 */

/** A parsed expression. */
export type TargetExpression =
  | { kind: "number"; value: number }
  | { kind: "column"; name: string; position: number }
  | { kind: "negate"; operand: TargetExpression }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: TargetExpression; right: TargetExpression };

/** A syntax error: the message names the 1-based character position. */
export class ExpressionSyntaxError extends Error {
  readonly position: number;
  constructor(text: string, position: number, what: string) {
    super(`cannot read the target expression "${text}": ${what} at position ${position}`);
    this.name = "ExpressionSyntaxError";
    this.position = position;
  }
}

type Token = { kind: "number"; value: number; at: number } | { kind: "name"; name: string; at: number } | { kind: "op"; op: string; at: number } | { kind: "end"; at: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;

/** tokenize(text) → the tokens of an expression (positions 0-based), or an ExpressionSyntaxError. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") { i++; continue; }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    const name = NAME.exec(rest);
    if ("+-*/()".includes(c)) { tokens.push({ kind: "op", op: c, at: i }); i++; }
    else if (number !== null) { tokens.push({ kind: "number", value: Number(number[0]), at: i }); i += number[0].length; }
    else if (name !== null) { tokens.push({ kind: "name", name: name[0], at: i }); i += name[0].length; }
    else if (c === '"' || c === "`") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionSyntaxError(text, i + 1, `the quote ${c} is never closed`);
      if (close === i + 1) throw new ExpressionSyntaxError(text, i + 1, "an empty quoted column name");
      tokens.push({ kind: "name", name: text.slice(i + 1, close), at: i });
      i = close + 1;
    } else throw new ExpressionSyntaxError(text, i + 1, `unexpected character "${c}"`);
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}

/**
 * parseTargetExpression(text) → the expression tree of `text` (grammar in the module comment). O(length).
 * @throws ExpressionSyntaxError naming the position of the first thing that does not fit the grammar
 * @example parseTargetExpression("a - 2 * b") // => { kind: "binary", op: "-", left: a, right: 2 * b }
 */
export function parseTargetExpression(text: string): TargetExpression {
  const tokens = tokenize(text);
  let k = 0;
  const peekOp = (ops: string): string | null => {
    const t = tokens[k];
    return t.kind === "op" && ops.includes(t.op) ? t.op : null;
  };
  const fail = (what: string): never => {
    const t = tokens[k];
    const found = t.kind === "end" ? "the end" : t.kind === "op" ? `"${t.op}"` : t.kind === "number" ? `the number ${t.value}` : `"${t.name}"`;
    throw new ExpressionSyntaxError(text, t.at + 1, `expected ${what}, found ${found}`);
  };
  const primary = (): TargetExpression => {
    const t = tokens[k];
    if (t.kind === "number") { k++; return { kind: "number", value: t.value }; }
    if (t.kind === "name") { k++; return { kind: "column", name: t.name, position: t.at + 1 }; }
    if (peekOp("(") === null) return fail("a column, a number or \"(\"");
    k++;
    const inner = expr();
    if (peekOp(")") === null) fail("\")\"");
    k++;
    return inner;
  };
  const unary = (): TargetExpression => {
    const op = peekOp("+-");
    if (op === null) return primary();
    k++;
    const operand = unary();
    return op === "-" ? { kind: "negate", operand } : operand;
  };
  const chain = (ops: string, next: () => TargetExpression) => (): TargetExpression => {
    let left = next();
    for (let op = peekOp(ops); op !== null; op = peekOp(ops)) {
      k++;
      left = { kind: "binary", op: op as "+" | "-" | "*" | "/", left, right: next() };
    }
    return left;
  };
  const term = chain("*/", unary);
  const expr = chain("+-", term);
  const tree = expr();
  if (tokens[k].kind !== "end") fail("an operator or the end");
  return tree;
}

/** expressionColumns(tree) → the column names the expression reads, each once, in order of appearance. */
export function expressionColumns(tree: TargetExpression): string[] {
  const out: string[] = [];
  const walk = (t: TargetExpression): void => {
    if (t.kind === "column") { if (!out.includes(t.name)) out.push(t.name); }
    else if (t.kind === "negate") walk(t.operand);
    else if (t.kind === "binary") { walk(t.left); walk(t.right); }
  };
  walk(tree);
  return out;
}

/** True when `text` has an operator or a parenthesis, i.e. is meant as an expression rather than one column name. */
export function looksLikeExpression(text: string): boolean {
  return /[+\-*/()]/.test(text);
}

/**
 * evaluateTargetExpression(tree, columns, n) → the value of the expression on each of n rows
 * (IEEE arithmetic: NaN operands give NaN) and the rows where a division had a zero denominator
 * (their value is NaN). O(n · nodes).
 * @param columns - the values of every column the expression names, n each
 * @throws RangeError when a column the expression names is not in `columns`
 */
export function evaluateTargetExpression(tree: TargetExpression, columns: ReadonlyMap<string, Float64Array>, n: number): { values: Float64Array; divisionByZero: Uint8Array } {
  const divisionByZero = new Uint8Array(n);
  const evaluate = (t: TargetExpression): Float64Array => {
    if (t.kind === "number") return new Float64Array(n).fill(t.value);
    if (t.kind === "column") {
      const col = columns.get(t.name);
      if (col === undefined || col.length !== n) throw new RangeError(`evaluateTargetExpression requires ${n} values of column "${t.name}"`);
      return col;
    }
    if (t.kind === "negate") return evaluate(t.operand).map((v) => -v);
    const a = evaluate(t.left), b = evaluate(t.right);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (t.op === "+") out[i] = a[i] + b[i];
      else if (t.op === "-") out[i] = a[i] - b[i];
      else if (t.op === "*") out[i] = a[i] * b[i];
      else if (b[i] === 0) { out[i] = NaN; divisionByZero[i] = 1; }
      else out[i] = a[i] / b[i];
    }
    return out;
  };
  return { values: Float64Array.from(evaluate(tree)), divisionByZero };
}
