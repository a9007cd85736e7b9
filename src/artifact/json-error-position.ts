/**
 * jsonErrorPosition(text): where a JSON text stops being valid JSON. V8's JSON.parse messages name
 * a position only for some errors ("Unexpected end of JSON input" names none), so loaders that
 * report "not valid JSON at position N" find N here, by one pass of a JSON (RFC 8259) recogniser.
 */

enum State { Value, ValueOrEnd, Key, KeyOrEnd, Colon, CommaOrEnd, Done }

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** scanString(text, i) → the index after the string starting at text[i] === '"', or -(error index) - 1. */
function scanString(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = text.charCodeAt(j + 1);
      if (j + 1 >= n) return -n - 1;
      if (e === 0x75) {
        for (let h = 2; h < 6; h++) {
          if (j + h >= n) return -n - 1;
          if (!isHex(text.charCodeAt(j + h))) return -(j + h) - 1;
        }
        j += 6;
        continue;
      }
      if (!"\"\\/bfnrt".includes(text[j + 1])) return -(j + 1) - 1;
      j += 2;
      continue;
    }
    j++;
  }
  return -n - 1;
}

/** scanNumber(text, i) → the index after the number starting at i, or -(error index) - 1. */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  let j = i;
  if (text.charCodeAt(j) === 0x2d) j++;
  if (j >= n) return -n - 1;
  if (text.charCodeAt(j) === 0x30) j++;
  else if (isDigit(text.charCodeAt(j))) while (j < n && isDigit(text.charCodeAt(j))) j++;
  else return -j - 1;
  if (text.charCodeAt(j) === 0x2e) {
    j++;
    if (j >= n) return -n - 1;
    if (!isDigit(text.charCodeAt(j))) return -j - 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    j++;
    const s = text.charCodeAt(j);
    if (s === 0x2b || s === 0x2d) j++;
    if (j >= n) return -n - 1;
    if (!isDigit(text.charCodeAt(j))) return -j - 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * jsonErrorPosition(text) → the 0-based index of the first character at which `text` is not valid
 * JSON (text.length when it ends too early), or -1 when it is valid. Iterative, so deeply nested
 * input cannot overflow the stack. O(length).
 * @example jsonErrorPosition('{"a": 1') // => 7
 * @example jsonErrorPosition('{"a": 1}') // => -1
 */
export function jsonErrorPosition(text: string): number {
  const n = text.length;
  const stack: boolean[] = []; // true = object, false = array
  let state: State = State.Value;
  let i = 0;
  const afterValue = (): State => (stack.length === 0 ? State.Done : State.CommaOrEnd);
  for (;;) {
    while (i < n && isWhite(text.charCodeAt(i))) i++;
    if (i >= n) return state === State.Done ? -1 : n;
    if (state === State.Done) return i;
    const c = text.charCodeAt(i);
    switch (state) {
      case State.Value:
      case State.ValueOrEnd: {
        if (state === State.ValueOrEnd && c === 0x5d) {
          stack.pop();
          i++;
          state = afterValue();
        } else if (c === 0x7b) {
          stack.push(true);
          i++;
          state = State.KeyOrEnd;
        } else if (c === 0x5b) {
          stack.push(false);
          i++;
          state = State.ValueOrEnd;
        } else if (c === 0x22) {
          const j = scanString(text, i);
          if (j < 0) return -j - 1;
          i = j;
          state = afterValue();
        } else if (c === 0x2d || isDigit(c)) {
          const j = scanNumber(text, i);
          if (j < 0) return -j - 1;
          i = j;
          state = afterValue();
        } else {
          const word = c === 0x74 ? "true" : c === 0x66 ? "false" : c === 0x6e ? "null" : "";
          if (word === "") return i;
          for (let k = 0; k < word.length; k++) {
            if (i + k >= n) return n;
            if (text[i + k] !== word[k]) return i + k;
          }
          i += word.length;
          state = afterValue();
        }
        break;
      }
      case State.Key:
      case State.KeyOrEnd: {
        if (state === State.KeyOrEnd && c === 0x7d) {
          stack.pop();
          i++;
          state = afterValue();
        } else if (c === 0x22) {
          const j = scanString(text, i);
          if (j < 0) return -j - 1;
          i = j;
          state = State.Colon;
        } else return i;
        break;
      }
      case State.Colon:
        if (c !== 0x3a) return i;
        i++;
        state = State.Value;
        break;
      case State.CommaOrEnd: {
        const inObject = stack[stack.length - 1];
        if (c === 0x2c) {
          i++;
          state = inObject ? State.Key : State.Value;
        } else if (c === (inObject ? 0x7d : 0x5d)) {
          stack.pop();
          i++;
          state = afterValue();
        } else return i;
        break;
      }
    }
  }
}

/** lineAndColumn(text, position) → 1-based line and column of a 0-based index. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: position - start + 1 };
}
