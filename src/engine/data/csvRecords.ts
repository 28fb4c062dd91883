/**
 * CSV text to records of fields, as RFC 4180 describes: `parseCsv` and the record reader
 * behind it.
 */
import { EngineError } from "../errors";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Reads CSV text record by record (see `parseCsv` for the rules), handing each record's fields
 * and the line it starts on to `onRecord`: the reader behind `parseCsv` and `readCsvDataset`,
 * which converts fields as they come instead of keeping every string.
 */
export function forEachCsvRecord(
  text: string,
  onRecord: (fields: string[], line: number) => void,
): void {
  const length = text.length;
  let position = length > 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  let line = 1;
  let width = -1;
  // The next LF, CR, quote and comma at or after `position` (`length` when there is none). Each
  // is searched for with indexOf and kept until passed, so each search covers the text once.
  let nextLf = -1;
  let nextCr = -1;
  let nextQuote = -1;
  let nextComma = -1;

  while (position < length) {
    if (nextLf < position) nextLf = findFrom(text, "\n", position);
    if (nextCr < position) nextCr = findFrom(text, "\r", position);
    if (nextQuote < position) nextQuote = findFrom(text, '"', position);
    const lineEnd = nextLf;
    const contentEnd = lineEnd > position && nextCr === lineEnd - 1 ? lineEnd - 1 : lineEnd;
    const recordLine = line;
    let row: string[];
    if (nextQuote < lineEnd || nextCr < contentEnd) {
      // Quotes or a lone CR on this line: the general reader, one character at a time.
      const record = readRecord(text, position, recordLine);
      position = record.end;
      line += record.lineBreaks;
      if (record.fields === null) continue;
      row = record.fields;
    } else {
      // A plain line: its fields are the slices between commas. An empty line is skipped.
      const lineStart = position;
      position = lineEnd + 1;
      line += 1;
      if (contentEnd === lineStart) continue;
      row = [];
      let fieldStart = lineStart;
      for (;;) {
        if (nextComma < fieldStart) nextComma = findFrom(text, ",", fieldStart);
        if (nextComma >= contentEnd) break;
        row.push(text.slice(fieldStart, nextComma));
        fieldStart = nextComma + 1;
      }
      row.push(text.slice(fieldStart, contentEnd));
    }
    if (width < 0) {
      width = row.length;
    } else if (row.length !== width) {
      throw new EngineError(
        "shapeMismatch",
        `line ${recordLine} has ${row.length} ${row.length === 1 ? "field" : "fields"}, ` +
          `the header has ${width}; every line of a CSV file must have as many fields as the header`,
      );
    }
    onRecord(row, recordLine);
  }
}

/** The index of `character` in `text` at or after `from`, or the text's length. */
function findFrom(text: string, character: string, from: number): number {
  const index = text.indexOf(character, from);
  return index < 0 ? text.length : index;
}

/**
 * Reads the record starting at `start` character by character (quoted fields, lone CRs):
 * its fields (null for an empty line), the index just past its line break, and the number of
 * line breaks it spans.
 */
function readRecord(
  text: string,
  start: number,
  recordLine: number,
): { fields: string[] | null; end: number; lineBreaks: number } {
  const length = text.length;
  let position = start;
  const first = text.charCodeAt(position);
  if (first === LF || first === CR) {
    const end = position + (first === CR && text.charCodeAt(position + 1) === LF ? 2 : 1);
    return { fields: null, end, lineBreaks: 1 };
  }
  const fields: string[] = [];
  let lineBreaks = 0;
  for (;;) {
    if (text.charCodeAt(position) === QUOTE) {
      const quoted = readQuotedField(text, position, recordLine);
      fields.push(quoted.value);
      lineBreaks += quoted.lineBreaks;
      position = quoted.end;
    } else {
      const end = findFieldEnd(text, position);
      fields.push(text.slice(position, end));
      position = end;
    }
    if (position >= length) break;
    const separator = text.charCodeAt(position);
    if (separator === COMMA) {
      position += 1;
      continue;
    }
    position += separator === CR && text.charCodeAt(position + 1) === LF ? 2 : 1;
    lineBreaks += 1;
    break;
  }
  return { fields, end: position, lineBreaks };
}

/** Index of the comma, CR or LF that ends the field starting at `start`, or the text's length. */
function findFieldEnd(text: string, start: number): number {
  const length = text.length;
  let end = start;
  while (end < length) {
    const code = text.charCodeAt(end);
    if (code === COMMA || code === LF || code === CR) break;
    end += 1;
  }
  return end;
}

/**
 * Reads the quoted field whose opening quote is at `start`: its value, the index just past it
 * (at the separator that follows) and the number of line breaks inside it.
 */
function readQuotedField(
  text: string,
  start: number,
  recordLine: number,
): { value: string; end: number; lineBreaks: number } {
  let value = "";
  let chunkStart = start + 1;
  let close: number;
  for (;;) {
    close = text.indexOf('"', chunkStart);
    if (close < 0) {
      throw new EngineError(
        "invalidValue",
        `line ${recordLine} opens a quoted field that is never closed; ` +
          `a quote inside a quoted field must be doubled ("")`,
      );
    }
    if (text.charCodeAt(close + 1) !== QUOTE) break;
    value += text.slice(chunkStart, close + 1);
    chunkStart = close + 2;
  }
  value += text.slice(chunkStart, close);
  const lineBreaks = countLineBreaks(text, start + 1, close);
  const end = findFieldEnd(text, close + 1);
  if (end > close + 1) value += text.slice(close + 1, end);
  return { value, end, lineBreaks };
}

/** Line breaks (CRLF, LF or a lone CR, each counting once) in `text` from `from` to `to`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF) count += 1;
    else if (code === CR && text.charCodeAt(index + 1) !== LF) count += 1;
  }
  return count;
}

/**
 * Splits CSV text into rows of fields, as RFC 4180 describes.
 *
 * - Fields are separated by commas and records by CRLF, LF or a lone CR.
 * - A field that starts with `"` is quoted: it may hold commas, line breaks and doubled quotes
 *   (`""` stands for one `"`). Text between the closing quote and the next separator is kept
 *   literally (`"ab"c` reads `abc`, as Excel and Python's csv module read it). A quote inside
 *   an unquoted field is an ordinary character.
 * - A UTF-8 byte order mark at the start is removed. Empty lines (a trailing newline, blank
 *   lines between records) are skipped, as pandas skips them; a record of one empty field
 *   must therefore be written `""`.
 * - Fields are returned exactly as written (no trimming, no number conversion: see
 *   `csvFieldToCell`).
 *
 * Throws EngineError `shapeMismatch` when a record has a different number of fields than the
 * first (the header), naming the line as an editor numbers it (line breaks inside quoted
 * fields count), and `invalidValue` when a quoted field is never closed.
 *
 * Cost: linear in the text. A line without quotes is split with `indexOf` and its fields are
 * slices of the text; only lines with quotes (or lone CRs) are read character by character.
 *
 * @example
 * parseCsv('name,note\r\nA,"x, ""y"""\r\n') // [["name", "note"], ["A", 'x, "y"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  forEachCsvRecord(text, (fields) => {
    rows.push(fields);
  });
  return rows;
}
