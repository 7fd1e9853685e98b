import { users } from "@/db/schema";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { EmailAddress } from "@/lib/auth/email";
import { parseCsv } from "./csv";
import { formatNumber } from "@/lib/format";
import { authorizeStaff } from "./authz";

/**
 * Import of free members from a CSV file (columns email,name; header row optional).
 *
 * The whole file is refused, and nothing is written, when it is too big, has too many rows,
 * cannot be parsed as CSV, is not text, or has a header row without an email column. Otherwise
 * each row is judged on its own: a valid new address becomes a reader, a known one is skipped,
 * and a bad row is reported with its line number and why.
 */
export const MAX_IMPORT_BYTES = 1_000_000; // under Next's 1 MB default limit for a server action body
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

export interface Upload {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface RejectedRow {
  line: number;
  value: string;
  reason: string;
}

export type ImportReport =
  { ok: false; error: string } | { ok: true; rows: number; added: number; existing: number; rejected: RejectedRow[] };

const HEADER_EMAIL = new Set(["email", "e-mail", "email address", "e-mail address", "mail"]);
const HEADER_NAME = new Set(["name", "full name", "fullname"]);

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

interface Candidate {
  line: number;
  email: string;
  name: string | null;
}

type Plan = { ok: false; error: string } | { ok: true; rows: number; valid: Candidate[]; rejected: RejectedRow[] };

/** Reads and checks the file without touching the database. */
export function planImport(text: string): Plan {
  if (text.includes("\u0000")) return { ok: false, error: "That file is not a text CSV file." };
  const parsed = parseCsv(text, { maxRecords: MAX_IMPORT_ROWS + 1, skipEmptyLines: true });
  if (!parsed.ok) {
    return parsed.error.startsWith("The file has more than")
      ? { ok: false, error: `The file has more than ${formatNumber(MAX_IMPORT_ROWS)} rows. Split it into smaller files.` }
      : { ok: false, error: `The file could not be read as CSV: ${parsed.error} Nothing was imported.` };
  }
  // Rows with only empty cells (",,", as spreadsheets export trailing rows) are not members.
  let records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (records.length === 0) return { ok: false, error: "The file has no rows." };

  let emailAt = 0;
  let nameAt: number | null = 1;
  const head = records[0]!.fields.map((f) => f.trim().toLowerCase());
  const looksLikeHeader = head.some((h) => HEADER_EMAIL.has(h) || HEADER_NAME.has(h)) && !head.some((h) => h.includes("@"));
  if (looksLikeHeader) {
    const e = head.findIndex((h) => HEADER_EMAIL.has(h));
    if (e < 0) return { ok: false, error: `The header row (line ${records[0]!.line}) has no "email" column. Nothing was imported.` };
    const n = head.findIndex((h) => HEADER_NAME.has(h));
    emailAt = e;
    nameAt = n < 0 ? null : n;
    records = records.slice(1);
    if (records.length === 0) return { ok: false, error: "The file has a header row but no members." };
  }
  if (records.length > MAX_IMPORT_ROWS) {
    return { ok: false, error: `The file has more than ${formatNumber(MAX_IMPORT_ROWS)} rows. Split it into smaller files.` };
  }

  const seen = new Map<string, number>();
  const valid: Candidate[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of records) {
    const rawEmail = (r.fields[emailAt] ?? "").trim();
    const rawName = nameAt === null ? "" : (r.fields[nameAt] ?? "").trim();
    const reject = (reason: string) => rejected.push({ line: r.line, value: clip(rawEmail), reason });
    if (rawEmail === "") {
      reject("Missing email address.");
      continue;
    }
    if (rawEmail.length > MAX_EMAIL_LENGTH) {
      reject(`Email address is too long (over ${MAX_EMAIL_LENGTH} characters).`);
      continue;
    }
    const email = EmailAddress.safeParse(rawEmail);
    if (!email.success) {
      reject("Invalid email address.");
      continue;
    }
    if (rawName.length > MAX_NAME_LENGTH) {
      reject(`Name is too long (over ${MAX_NAME_LENGTH} characters).`);
      continue;
    }
    const earlier = seen.get(email.data);
    if (earlier !== undefined) {
      reject(`Duplicate of line ${earlier} in this file.`);
      continue;
    }
    seen.set(email.data, r.line);
    valid.push({ line: r.line, email: email.data, name: rawName === "" ? null : rawName });
  }
  return { ok: true, rows: records.length, valid, rejected };
}

const INSERT_BATCH = 500;

/** The import itself: staff only; one transaction; an address already known is skipped. */
export async function importMembers(viewer: Viewer, upload: Upload): Promise<ImportReport> {
  const actor = await authorizeStaff(viewer);
  if (upload.size === 0) return { ok: false, error: "Choose a CSV file to import." };
  if (upload.size > MAX_IMPORT_BYTES) {
    return { ok: false, error: `The file is too big (${formatNumber(Math.ceil(upload.size / 1000))} kB). The limit is 1 MB.` };
  }
  const plan = planImport(await upload.text());
  if (!plan.ok) return plan;
  const d = await db();
  const added = await d.transaction(async (tx) => {
    let n = 0;
    for (let i = 0; i < plan.valid.length; i += INSERT_BATCH) {
      const batch = plan.valid.slice(i, i + INSERT_BATCH);
      const inserted = await tx
        .insert(users)
        .values(batch.map((c) => ({ email: c.email, name: c.name, role: "reader" as const })))
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      n += inserted.length;
    }
    await audit(
      actor,
      "subscribers.import",
      null,
      { file: clip(upload.name, 120), rows: plan.rows, added: n, existing: plan.valid.length - n, rejected: plan.rejected.length },
      tx,
    );
    return n;
  });
  return { ok: true, rows: plan.rows, added, existing: plan.valid.length - added, rejected: plan.rejected };
}
