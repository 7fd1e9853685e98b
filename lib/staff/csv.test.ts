import { describe, expect, it } from "vitest";
import { mulberry32, propertySeed } from "@/test-support/prng";
import { csvCell, csvLine, parseCsv, toCsv } from "./csv";

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r.records.map((x) => x.fields);
};

describe("parseCsv (RFC 4180)", () => {
  it("reads plain fields, CRLF / LF / CR line ends and no trailing empty record", () => {
    expect(fields("a,b\r\nc,d\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fields("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fields("a,b\rc,d\r")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(fields("")).toEqual([]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(fields(",b,\n,,")).toEqual([
      ["", "b", ""],
      ["", "", ""],
    ]);
    expect(fields("a,")).toEqual([["a", ""]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(fields('"a,b","say ""hi""","two\nlines",x\r\n"",end')).toEqual([
      ["a,b", 'say "hi"', "two\nlines", "x"],
      ["", "end"],
    ]);
    expect(fields('"crlf\r\ninside"')).toEqual([["crlf\r\ninside"]]);
  });

  it("numbers each record by the line it starts on, across quoted line breaks", () => {
    const r = parseCsv('a\n"b\nc\nd",e\nf\n\ng');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 5, 6, 7]);
    const skipped = parseCsv('a\n"b\nc\nd",e\nf\n\ng', { skipEmptyLines: true });
    expect(skipped.ok && skipped.records.map((x) => [x.line, x.fields[0]])).toEqual([
      [1, "a"],
      [2, "b\nc\nd"],
      [5, "f"],
      [7, "g"],
    ]);
  });

  it("drops a byte-order mark and keeps a stray quote inside an unquoted field as text", () => {
    expect(fields('\ufeffemail,name\nx@example.com,Ann "Nan" Lee')).toEqual([
      ["email", "name"],
      ["x@example.com", 'Ann "Nan" Lee'],
    ]);
  });

  it("refuses an unterminated quoted field and text after a closing quote", () => {
    expect(parseCsv('a,b\n"never closed,c\nd')).toEqual({
      ok: false,
      error: "A quoted field starting on line 2 is never closed.",
      line: 2,
    });
    const r = parseCsv('"a"b,c');
    expect(r.ok).toBe(false);
    expect(parseCsv('x\n"two\nlines"!')).toEqual({
      ok: false,
      error: "Unexpected text after the closing quote of a field starting on line 2.",
      line: 2,
    });
  });

  it("reads mixed line ends in one file", () => {
    expect(fields("a\r\nb\nc\rd")).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("stops past maxRecords", () => {
    expect(parseCsv("a\nb\nc", { maxRecords: 2 }).ok).toBe(false);
    expect(parseCsv("a\nb", { maxRecords: 2 }).ok).toBe(true);
  });
});

describe("csvCell / toCsv", () => {
  it("quotes commas, quotes, line breaks and edge spaces", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("guards against formula injection: = + - @ tab and CR get a leading apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-5)).toBe("-5");
    // csv-stringify also guards the full-width signs.
    expect(csvCell("＝1+1")).toBe("'＝1+1");
  });

  it("writes a header row and CRLF line ends", () => {
    expect(toCsv(["email", "name"], [["a@example.com", "A, B"]])).toBe('email,name\r\na@example.com,"A, B"\r\n');
    expect(csvLine(["x"])).toBe("x\r\n");
  });

  it("round-trips random text through the writer and the reader (formula cells come back with their apostrophe)", () => {
    const seed = propertySeed();
    const rng = mulberry32(seed);
    const alphabet = ["a", "b", ",", '"', "\n", "\r\n", " ", "é", "=", "-"];
    for (let i = 0; i < 300; i++) {
      const rows = Array.from({ length: rng.int(1, 4) }, () =>
        Array.from({ length: 3 }, () => Array.from({ length: rng.int(0, 6) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("")),
      );
      const parsed = parseCsv(toCsv(["h1", "h2", "h3"], rows));
      expect(parsed.ok, `seed ${seed}`).toBe(true);
      const expected = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      if (parsed.ok)
        expect(
          parsed.records.slice(1).map((r) => r.fields),
          `seed ${seed}`,
        ).toEqual(expected);
    }
  });
});
