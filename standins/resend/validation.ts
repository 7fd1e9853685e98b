/**
 * Validation of email payloads as the `resend` SDK sends them to
 * POST /emails and POST /emails/batch (snake_case API shape, see
 * `EmailApiOptions` in node_modules/resend). Messages imitate Resend's.
 */
export interface Tag {
  name: string;
  value: string;
}

export interface ValidEmail {
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  headers: Record<string, string>;
  tags?: Tag[];
  scheduledAt?: string;
  topicId?: string;
  attachmentCount?: number;
}

export type EmailValidation = { ok: true; email: ValidEmail } | { ok: false; message: string };

export const MAX_RECIPIENTS = 50;

const LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const DOMAIN = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}";
const BARE_RE = new RegExp(`^${LOCAL}@${DOMAIN}$`);
const NAMED_RE = /^\s*(?:"[^"]*"|[^<>"]*?)\s*<([^<>]+)>\s*$/;
const TAG_RE = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The bare, lower-cased address of `email@example.com` or
 * `Name <email@example.com>`, or null when it is not a valid address.
 */
export function bareAddress(input: string): string | null {
  const trimmed = input.trim();
  if (BARE_RE.test(trimmed)) return trimmed.toLowerCase();
  const m = NAMED_RE.exec(input);
  const inner = m?.[1]?.trim();
  if (inner !== undefined && BARE_RE.test(inner)) return inner.toLowerCase();
  return null;
}

const formatHint = "The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** null and undefined both mean "absent" for optional fields. */
function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

type ListResult = { ok: true; list: string[] } | { ok: false; message: string };

function addressList(field: string, value: unknown, max?: number): ListResult {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) return { ok: false, message: `Invalid \`${field}\` field. ${formatHint}` };
  if (list.length === 0) return { ok: false, message: `Missing \`${field}\` field.` };
  if (max !== undefined && list.length > max) {
    return { ok: false, message: `Invalid \`${field}\` field. The maximum number of recipients is ${max}.` };
  }
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== "string" || bareAddress(item) === null) {
      return { ok: false, message: `Invalid \`${field}\` field. ${formatHint}` };
    }
    out.push(item);
  }
  return { ok: true, list: out };
}

/** Validate one email. `batch` forbids attachments, as Resend's batch endpoint does. */
export function validateEmail(input: unknown, batch: boolean): EmailValidation {
  if (!isRecord(input)) return { ok: false, message: "Invalid email: expected a JSON object." };

  if (present(input.template)) {
    return { ok: false, message: "The `template` field is not supported by the Resend stand-in." };
  }

  const from = input.from;
  if (!present(from)) return { ok: false, message: "Missing `from` field." };
  if (typeof from !== "string" || bareAddress(from) === null) {
    return { ok: false, message: `Invalid \`from\` field. ${formatHint}` };
  }

  if (!present(input.to)) return { ok: false, message: "Missing `to` field." };
  const to = addressList("to", input.to, MAX_RECIPIENTS);
  if (!to.ok) return to;

  const subject = input.subject;
  if (!present(subject)) return { ok: false, message: "Missing `subject` field." };
  if (typeof subject !== "string") return { ok: false, message: "Invalid `subject` field. Expected a string." };

  const { html, text } = input;
  if (present(html) && typeof html !== "string") return { ok: false, message: "Invalid `html` field. Expected a string." };
  if (present(text) && typeof text !== "string") return { ok: false, message: "Invalid `text` field. Expected a string." };
  if (typeof html !== "string" && typeof text !== "string") {
    return { ok: false, message: "Missing `html` or `text` field." };
  }

  const email: ValidEmail = { from, to: to.list, subject, headers: {} };
  if (typeof html === "string") email.html = html;
  if (typeof text === "string") email.text = text;

  for (const [field, key] of [
    ["cc", "cc"],
    ["bcc", "bcc"],
    ["reply_to", "replyTo"],
  ] as const) {
    const value = input[field];
    if (!present(value)) continue;
    const list = addressList(field, value, MAX_RECIPIENTS);
    if (!list.ok) return list;
    email[key] = list.list;
  }

  if (present(input.headers)) {
    const headers = input.headers;
    if (!isRecord(headers)) return { ok: false, message: "Invalid `headers` field. Expected an object of strings." };
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== "string") {
        return { ok: false, message: `Invalid \`headers\` field. Header \`${name}\` must be a string.` };
      }
      email.headers[name] = value;
    }
  }

  if (present(input.tags)) {
    const tags = input.tags;
    if (!Array.isArray(tags)) return { ok: false, message: "Invalid `tags` field. Expected an array." };
    const out: Tag[] = [];
    for (const tag of tags) {
      if (!isRecord(tag) || typeof tag.name !== "string" || typeof tag.value !== "string" || !TAG_RE.test(tag.name) || !TAG_RE.test(tag.value)) {
        return {
          ok: false,
          message:
            "Invalid `tags` field. Tag names and values must be strings of at most 256 ASCII letters, numbers, underscores, or dashes.",
        };
      }
      out.push({ name: tag.name, value: tag.value });
    }
    email.tags = out;
  }

  if (present(input.scheduled_at)) {
    if (typeof input.scheduled_at !== "string") return { ok: false, message: "Invalid `scheduled_at` field. Expected a string." };
    email.scheduledAt = input.scheduled_at;
  }

  if (present(input.topic_id)) {
    if (typeof input.topic_id !== "string") return { ok: false, message: "Invalid `topic_id` field. Expected a string." };
    email.topicId = input.topic_id;
  }

  if (present(input.attachments)) {
    if (batch) return { ok: false, message: "Attachments are not supported in batch emails." };
    if (!Array.isArray(input.attachments)) return { ok: false, message: "Invalid `attachments` field. Expected an array." };
    email.attachmentCount = input.attachments.length;
  }

  return { ok: true, email };
}
