/**
 * A CSV tokenizer (RFC 4180: comma separator, `"` quoting with `""` as an escaped quote, fields that
 * span lines) that also tells the line number each record starts on, strips a UTF-8 byte-order mark,
 * accepts LF, CRLF and CR line ends, and skips blank lines (so trailing empty lines are harmless).
 *
 * Written by hand rather than taken from csv-parse or papaparse because validation needs the
 * physical line number of every record (a quoted field can span lines) and the loaders consume
 * records one at a time straight into typed columns: a 130,000 × 50 file never exists as 6.5 million
 * field strings at once. The whole tokenizer is one loop over character codes.
 */

/** Called once per record with its fields and the 1-based line the record starts on. */
export type RecordHandler = (fields: string[], line: number) => void;

/** A CSV syntax problem: an unterminated quote, or text after a closing quote. */
export interface CsvSyntaxProblem {
  line: number;
  message: string;
}

/**
 * parseCsv(text, onRecord) streams the records of a CSV text (header included) to `onRecord`.
 * Returns the syntax problems met (the offending record is still delivered, as best read). O(length).
 * @example parseCsv('a,b\n1,"x,y"\n', (f, line) => console.log(line, f)) // 1 ["a","b"]; 2 ["1","x,y"]
 */
export function parseCsv(text: string, onRecord: RecordHandler): CsvSyntaxProblem[] {
  const problems: CsvSyntaxProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let blank = true;
    // One record.
    for (;;) {
      let field: string;
      if (i < n && text.charCodeAt(i) === 34 /* " */) {
        blank = false;
        i++;
        let start = i;
        let parts = "";
        for (;;) {
          if (i >= n) {
            problems.push({ line: recordLine, message: "a quoted field is never closed" });
            break;
          }
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (i + 1 < n && text.charCodeAt(i + 1) === 34) {
              parts += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            break;
          }
          if (c === 10) line++;
          else if (c === 13 && !(i + 1 < n && text.charCodeAt(i + 1) === 10)) line++;
          i++;
        }
        field = parts + text.slice(start, Math.min(i, n));
        i++; // closing quote
        // Anything between the closing quote and the separator is a syntax problem; keep it.
        const after = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          i++;
        }
        if (i > after) {
          problems.push({ line: recordLine, message: `unexpected text after a closing quote: ${JSON.stringify(text.slice(after, i))}` });
          field += text.slice(after, i);
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          i++;
        }
        field = text.slice(start, i);
        if (field.length > 0) blank = false;
      }
      fields.push(field);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 44) {
        blank = false;
        i++;
        continue;
      }
      // End of line.
      i += c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      break;
    }
    if (!blank) onRecord(fields, recordLine);
  }
  return problems;
}

/** countLines(text) is an upper bound on the number of records, used to size typed columns. */
export function countLines(text: string): number {
  let count = 1;
  let at = text.indexOf("\n");
  while (at >= 0) {
    count++;
    at = text.indexOf("\n", at + 1);
  }
  if (count === 1 && text.indexOf("\r") >= 0) return text.split("\r").length;
  return count;
}
