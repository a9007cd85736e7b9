/**
 * expressionTarget(csv, text): the target series of a wide file given as an expression over its
 * columns (`--target "ORIGINAL_PRICE - GROSS_DISCOUNT"`, see target-expression.ts), as one
 * SourceColumn named by the expression, so validation and cleaning treat it as any target: a row
 * where an operand is not a number, or where a division has a zero denominator, is a bad cell
 * (`non_numeric`, with the reason); a row with an empty operand is an empty cell (`missing`).
 */
import { makeIssue, type Issue } from "./issue";
import type { BadCell } from "./parse-number";
import { findColumn, missingColumnIssue, type CsvColumns, type SourceColumn } from "./source";
import { evaluateTargetExpression, expressionColumns, parseTargetExpression } from "./target-expression";

/** The target column of an expression, the headers it reads, and the problems (an unknown column). */
export interface ExpressionTarget {
  column: SourceColumn | null;
  /** Headers of the columns the expression reads (not controls by default). */
  operands: string[];
  issues: Issue[];
}

/**
 * expressionTarget(csv, text) → the target column computed row by row from the expression `text`,
 * or null with a `missing_column` issue (column = the expression, message naming the unknown
 * column) when the file lacks a column it names. O(rows · nodes).
 * @throws ExpressionSyntaxError when `text` is not a valid expression
 */
export function expressionTarget(csv: CsvColumns, text: string): ExpressionTarget {
  const name = text.trim();
  const tree = parseTargetExpression(name);
  const operands: string[] = [];
  const values = new Map<string, Float64Array>();
  for (const wanted of expressionColumns(tree)) {
    const header = findColumn(csv.header, wanted);
    const parsed = header === null ? undefined : csv.numbers.get(header);
    if (header === null || parsed === undefined) {
      const issue = missingColumnIssue(csv.path, wanted, csv.header, `in the target expression "${name}"`);
      return { column: null, operands, issues: [{ ...issue, column: name }] };
    }
    operands.push(header);
    values.set(wanted, parsed.values);
  }
  const result = evaluateTargetExpression(tree, values, csv.rows);
  return { column: { name, role: "target", header: name, values: result.values, bad: badRows(csv, operands, result.divisionByZero, name) }, operands, issues: [] };
}

/** The rows whose target is not a number because an operand is not one, or because of a division by zero; by row. */
function badRows(csv: CsvColumns, operands: readonly string[], divisionByZero: Uint8Array, name: string): BadCell[] {
  const bad = new Map<number, BadCell>();
  for (const header of operands) {
    for (const cell of csv.numbers.get(header)?.bad ?? []) {
      if (!bad.has(cell.index)) bad.set(cell.index, { index: cell.index, text: cell.text, reason: `column "${header}" of the target expression: ${cell.reason}` });
    }
  }
  for (let r = 0; r < divisionByZero.length; r++) {
    if (!divisionByZero[r] || bad.has(r)) continue;
    const cells = operands.map((h) => `${h}=${csv.numbers.get(h)?.values[r]}`).join("; ");
    bad.set(r, { index: r, text: cells, reason: `division by zero in the target expression "${name}" (${cells})` });
  }
  return [...bad.values()].sort((a, b) => a.index - b.index);
}

/** operandWarning(header, name) → the ignored_column issue saying why a column of the target expression is not a control. */
export function operandWarning(path: string, header: string, name: string): Issue {
  return makeIssue({
    file: path, row: 1, column: header, date: null, kind: "ignored_column", value: null,
    message: `column "${header}" is used in the target expression "${name}", so it is not used as a control`,
  });
}
