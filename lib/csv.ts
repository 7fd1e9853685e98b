/**
 * A small RFC 4180 CSV reader and writer (no CSV package is installed).
 *
 * Reading: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). A leading byte-order mark is dropped, a line break at
 * the very end does not make an empty record. A stray quote inside an unquoted field is kept as text
 * (lenient, like most spreadsheet exports); an unterminated quoted field or text after a closing
 * quote is an error, and then nothing is returned.
 *
 * Writing: every cell is quoted when it holds a comma, quote, line break or edge whitespace, and a
 * cell that starts with = + - @ (or a tab / carriage return) gets a leading apostrophe so that a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */

export interface CsvRecord {
  /** The 1-based line of the input on which the record starts. */
  line: number;
  fields: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: string; line: number };

export interface CsvParseOptions {
  /** Stop with an error once more than this many records are found. */
  maxRecords?: number;
  /** Leave out lines with nothing on them (otherwise a record with one empty field). */
  skipEmptyLines?: boolean;
}

export function parseCsv(input: string, opts: CsvParseOptions = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const max = opts.maxRecords ?? Number.POSITIVE_INFINITY;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  // Whether the current record has seen any character (so "" at EOF is not a record).
  let started = false;

  const endRecord = (): CsvParseResult | null => {
    fields.push(field);
    if (!(opts.skipEmptyLines && fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    started = false;
    if (records.length > max) return { ok: false, error: `The file has more than ${max} rows.`, line: recordLine };
    return null;
  };

  while (i < n) {
    const c = text[i]!;
    if (!started) {
      recordLine = line;
      started = true;
    }
    if (c === '"' && field === "") {
      // A quoted field: read to the closing quote.
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === "\r") {
          line++;
          if (text[i + 1] === "\n") {
            field += "\r\n";
            i += 2;
            continue;
          }
        } else if (q === "\n") {
          line++;
        }
        field += q;
        i++;
      }
      if (!closed) return { ok: false, error: `A quoted field starting on line ${startLine} is never closed.`, line: startLine };
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\n" && after !== "\r") {
        return { ok: false, error: `Unexpected text after a closing quote on line ${line}.`, line };
      }
      if (after === ",") {
        fields.push(field);
        field = "";
        i++;
        // A comma right at the end of the input still ends with an empty last field.
        if (i === n) {
          const err = endRecord();
          if (err) return err;
        }
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      i++;
      if (i === n) {
        const err = endRecord();
        if (err) return err;
      }
      continue;
    }
    if (c === "\r" || c === "\n") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      const err = endRecord();
      if (err) return err;
      continue;
    }
    field += c;
    i++;
  }
  if (started) {
    const err = endRecord();
    if (err) return err;
  }
  return { ok: true, records };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export type CsvValue = string | number | null | undefined;

/** One cell, guarded against formula injection and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole CSV document: header row first, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join("");
}
