import { describe, expect, it } from "vitest";
import { wideFromText } from "../../src/data/load-wide";
import { toTable } from "../../src/data/load";
import { clean } from "../../src/data/clean";
import { validate } from "../../src/data/validate";
import {
  evaluateTargetExpression, ExpressionSyntaxError, expressionColumns, parseTargetExpression,
} from "../../src/data/target-expression";

/** evaluate(text, columns) → the expression's values on the rows of `columns`. */
function evaluate(text: string, columns: Record<string, number[]>) {
  const n = Object.values(columns)[0]?.length ?? 1;
  const map = new Map(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)]));
  return evaluateTargetExpression(parseTargetExpression(text), map, n);
}

describe("parseTargetExpression and evaluateTargetExpression", () => {
  const cols = { A: [10, 7.5, -2], B: [4, 0.5, 3], C: [2, 5, 0.25] };

  it("evaluateTargetExpression(parse('A - B')) equals A − B row by row", () => {
    expect(Array.from(evaluate("A - B", cols).values)).toEqual([6, 7, -5]);
  });

  it("* and / bind tighter than + and -, and both are left-associative", () => {
    // hand: A - B * C = [10 - 8, 7.5 - 2.5, -2 - 0.75]; A / B / C = [(10/4)/2, (7.5/0.5)/5, (-2/3)/0.25]
    expect(Array.from(evaluate("A - B * C", cols).values)).toEqual([2, 5, -2.75]);
    expect(Array.from(evaluate("A / B / C", cols).values)).toEqual([1.25, 3, -2 / 3 / 0.25]);
    expect(Array.from(evaluate("A - B - C", cols).values)).toEqual([4, 2, -5.25]);
  });

  it("parentheses, unary minus and numbers (with decimals and exponents) evaluate as written", () => {
    // hand: (A - B) * 2 = [12, 14, -10]; -A + 1e1 = [0, 2.5, 12]; -(A + .5) = [-10.5, -8, 1.5]
    expect(Array.from(evaluate("(A - B) * 2", cols).values)).toEqual([12, 14, -10]);
    expect(Array.from(evaluate("-A + 1e1", cols).values)).toEqual([0, 2.5, 12]);
    expect(Array.from(evaluate("-(A + .5)", cols).values)).toEqual([-10.5, -8, 1.5]);
    expect(Array.from(evaluate("--A", cols).values)).toEqual([10, 7.5, -2]);
  });

  it("a quoted name reads a column whose name has spaces or symbols", () => {
    const values = evaluate('"net sales (USD)" - `fees`', { "net sales (USD)": [100, 50], fees: [1, 2] }).values;
    expect(Array.from(values)).toEqual([99, 48]);
  });

  it("expressionColumns lists each column once in order of appearance", () => {
    expect(expressionColumns(parseTargetExpression("B * (A - B) / C + 3"))).toEqual(["B", "A", "C"]);
  });

  it("a zero denominator gives NaN on that row and marks the row", () => {
    const result = evaluate("A / (B - 4)", cols);
    expect(Array.from(result.divisionByZero)).toEqual([1, 0, 0]);
    expect(result.values[0]).toBeNaN();
    expect(result.values[1]).toBe(7.5 / -3.5);
  });

  it.each([
    ["A -", 4, 'expected a column, a number or "(", found the end'],
    ["A B", 3, 'expected an operator or the end, found "B"'],
    ["(A - B", 7, 'expected ")", found the end'],
    ["A $ B", 3, 'unexpected character "$"'],
    ["A * * B", 5, 'expected a column, a number or "(", found "*"'],
    ['A - "B', 5, "the quote \" is never closed"],
  ])("parseTargetExpression(%j) fails at position %i", (text, position, what) => {
    let error: unknown;
    try { parseTargetExpression(text); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect((error as ExpressionSyntaxError).position).toBe(position);
    expect((error as Error).message).toBe(`cannot read the target expression "${text}": ${what} at position ${position}`);
  });
});

describe("a wide file read with a target expression", () => {
  const csv = [
    "date,tv_spend,GROSS,DISCOUNT,price",
    "2024-01-01,100,1000,100,10",
    "2024-01-08,110,1200,150,11",
    "2024-01-15,120,1100,0,10",
    "2024-01-22,130,1300,200,12",
    "",
  ].join("\n");

  it("the target is the expression row by row, named by the expression, and its columns are not controls", () => {
    const dataset = wideFromText(csv, "sales.csv", { target: "GROSS - DISCOUNT" });
    const table = toTable(dataset);
    expect(table.target).toBe("GROSS - DISCOUNT");
    expect(Array.from(table.columns["GROSS - DISCOUNT"])).toEqual([900, 1050, 1100, 1100]);
    expect(table.controls).toEqual(["price"]);
    expect(table.warnings).toEqual([
      'column "GROSS" is used in the target expression "GROSS - DISCOUNT", so it is not used as a control',
      'column "DISCOUNT" is used in the target expression "GROSS - DISCOUNT", so it is not used as a control',
    ]);
  });

  it("an unknown column is one missing_column error naming it", () => {
    const report = validate(wideFromText(csv, "sales.csv", { target: "GROSS - RETURNS" }));
    const errors = report.issues.filter((i) => i.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "missing_column", row: 1, column: "GROSS - RETURNS" });
    expect(errors[0].message).toBe('sales.csv has no column "RETURNS" (in the target expression "GROSS - RETURNS"); its columns are: date, tv_spend, GROSS, DISCOUNT, price');
  });

  it("a row dividing by zero is a non_numeric error on its line, and clean interpolates it", () => {
    const dataset = wideFromText(csv, "sales.csv", { target: "GROSS / DISCOUNT" });
    const errors = validate(dataset).issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ kind: "non_numeric", row: 4, date: "2024-01-15", column: "GROSS / DISCOUNT" })]);
    expect(errors[0].message).toBe('division by zero in the target expression "GROSS / DISCOUNT" (GROSS=1100; DISCOUNT=0)');
    const { table, report } = clean(dataset);
    // hand: 1200/150 = 8 and 1300/200 = 6.5 around it, halfway in time → 7.25
    expect(table.columns["GROSS / DISCOUNT"][2]).toBe(7.25);
    expect(report.changes).toEqual([expect.objectContaining({ kind: "non_numeric", date: "2024-01-15", after: 7.25 })]);
  });

  it("a cell of an operand that is not a number makes the row's target non_numeric, naming the column", () => {
    const dirty = csv.replace("1200,150", "1200,n/a");
    const errors = validate(wideFromText(dirty, "sales.csv", { target: "GROSS - DISCOUNT" })).issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ kind: "non_numeric", row: 3, value: "n/a" })]);
    expect(errors[0].message).toBe('column "DISCOUNT" of the target expression: "n/a" is not a number');
  });

  it("a column named like an expression is read as that column", () => {
    const named = csv.replace("GROSS,DISCOUNT", "GROSS,GROSS-DISCOUNT");
    const table = toTable(wideFromText(named, "sales.csv", { target: "GROSS-DISCOUNT" }));
    expect(Array.from(table.columns["GROSS-DISCOUNT"])).toEqual([100, 150, 0, 200]);
  });
});
