import { Buffer } from "node:buffer";
import { CsvError, parse, type Options } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV for the subscriber import and export, on csv-parse and csv-stringify.
 *
 * Reading (RFC 4180): records end with CRLF, LF or CR, mixed in one file; a leading byte-order mark
 * is dropped; rows may differ in length. A stray quote inside an unquoted field is kept as text
 * (lenient, like most spreadsheet exports); an unterminated quoted field or text after a closing
 * quote is an error, and then nothing is returned.
 *
 * Writing: CRLF line ends; a cell is quoted when it holds a comma, quote, line break or edge
 * whitespace; a text cell that starts like a formula (= + - @, tab, CR) gets a leading apostrophe
 * so a spreadsheet shows it as text instead of running it (CSV injection).
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

const READ: Options = { bom: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] };

class TooManyRecords extends Error {
  constructor(readonly line: number) {
    super("too many records");
  }
}

/** Line numbers of byte offsets (csv-parse counts a CRLF inside quotes as two lines). */
function lineCounter(buf: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) return lineCounter(buf)(offset);
    line += buf.subarray(at, offset).toString("utf8").match(/\r\n|\r|\n/g)?.length ?? 0;
    at = offset;
    return line;
  };
}

/** Where csv-parse stopped: the start of the field it was reading (it records field boundaries). */
const errorLine = (buf: Buffer, err: CsvError) => lineCounter(buf)(typeof err.bytes === "number" ? err.bytes : buf.length);

/**
 * The first syntax error of a strict read of `buf`, or null. Only a quote inside an unquoted field is
 * forgiven: csv-parse's `relax_quotes` would also accept text after a closing quote ("a"b).
 */
function strictError(buf: Buffer): { error: string; line: number } | null {
  try {
    parse(buf, {
      ...READ,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err && err.code !== "INVALID_OPENING_QUOTE") throw err;
        return undefined;
      },
    });
    return null;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = errorLine(buf, err);
    if (err.code === "CSV_QUOTE_NOT_CLOSED") return { error: `A quoted field starting on line ${line} is never closed.`, line };
    if (err.code === "CSV_INVALID_CLOSING_QUOTE") {
      return { error: `Unexpected text after the closing quote of a field starting on line ${line}.`, line };
    }
    return { error: `${err.message}.`, line };
  }
}

export function parseCsv(input: string, opts: CsvParseOptions = {}): CsvParseResult {
  const buf = Buffer.from(input, "utf8");
  const max = opts.maxRecords ?? Number.POSITIVE_INFINITY;
  const lineAt = lineCounter(buf);
  const records: CsvRecord[] = [];
  let start = 0;
  let readUpTo = buf.length;
  let tooMany: number | null = null;
  let failed: CsvError | null = null;
  try {
    parse(buf, {
      ...READ,
      relax_quotes: true,
      on_record: (fields: string[], info) => {
        const line = lineAt(start);
        start = info.bytes;
        if (!(opts.skipEmptyLines && fields.length === 1 && fields[0] === "")) records.push({ line, fields });
        if (records.length > max) throw new TooManyRecords(line);
        return null;
      },
    });
  } catch (err) {
    if (err instanceof TooManyRecords) {
      tooMany = err.line;
      readUpTo = start;
    } else if (err instanceof CsvError) failed = err;
    else throw err;
  }
  // The lenient pass found the records; the strict one finds the first error up to where it stopped.
  const error = strictError(buf.subarray(0, readUpTo));
  if (error) return { ok: false, ...error };
  if (failed) return { ok: false, error: `${failed.message}.`, line: errorLine(buf, failed) };
  if (tooMany !== null) return { ok: false, error: `The file has more than ${max} rows.`, line: tooMany };
  return { ok: true, records };
}

export type CsvValue = string | number | null | undefined;

const WRITE = {
  record_delimiter: "windows",
  quote_record_delimiter: true,
  // Edge whitespace, except a leading tab or CR: those cells get the formula apostrophe instead.
  quoted_match: /^[^\S\t\r]|\s$/,
  escape_formulas: true,
} as const;

export function csvLine(cells: readonly CsvValue[]): string {
  return stringify([[...cells]], WRITE);
}

/** One cell, guarded against formula injection and quoted when needed. */
export function csvCell(value: CsvValue): string {
  return csvLine([value]).slice(0, -2);
}

/** A whole CSV document: header row first, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], WRITE);
}
