import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** PostgreSQL's full-text document type; only ever generated from a piece's own columns. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Search documents (lib/pieces/search.ts). The public one is what anyone may search: headline
 * (weight A), teaser (B) and source report (C). The analysis has its own document, which the search
 * query consults only for a reader the access rule lets read that piece.
 */
const publicDocument = (): SQL => sql`setweight(to_tsvector('english', "headline"), 'A')
  || setweight(to_tsvector('english', "teaser"), 'B')
  || setweight(to_tsvector('english', coalesce("source_headline", '') || ' ' || coalesce("source_outlet", '') || ' ' || coalesce("source_body", '')), 'C')`;
const analysisDocument = (): SQL => sql`setweight(to_tsvector('english', "analysis"), 'D')`;

export const roleEnum = pgEnum("role", ["reader", "editor", "admin"]);
export const pieceStatusEnum = pgEnum("piece_status", ["draft", "scheduled", "published"]);
export const visibilityEnum = pgEnum("visibility", ["public", "members", "paid"]);
/** Who a piece is mailed to when it publishes: everyone who wants mail, paying readers only, or nobody. */
export const MAIL_AUDIENCES = ["everyone", "paid", "none"] as const;
export type MailAudience = (typeof MAIL_AUDIENCES)[number];

// Auth.js tables (shape required by @auth/drizzle-adapter) plus our columns.
export const users = pgTable("users", {
  id: id(),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: at("email_verified"),
  image: text("image"),
  role: roleEnum("role").notNull().default("reader"),
  stripeCustomerId: text("stripe_customer_id").unique(),
  /** The piece a free sign-up started from (the `next` of /join or /login), for the per-piece numbers. */
  signupPieceId: text("signup_piece_id"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"email" | "oauth" | "oidc" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: at("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: at("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** The code and link a sign-in mail carries; the Auth.js token itself is kept sealed here. */
export const signInCodes = pgTable(
  "sign_in_codes",
  {
    id: id(),
    email: text("email").notNull(),
    codeHash: text("code_hash").notNull(),
    sealedToken: text("sealed_token").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    /** Hash of the cookie set in the browser that asked for this sign-in: only that browser may use the link. */
    bindingHash: text("binding_hash"),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("sign_in_codes_email_idx").on(t.email)],
);

/**
 * Pay first: the browser that began an anonymous Checkout holds a secret cookie; only its hash is
 * kept here with the Checkout session, and the return from Checkout signs in only that browser, once.
 */
export const checkoutBindings = pgTable("checkout_bindings", {
  checkoutSessionId: text("checkout_session_id").primaryKey(),
  bindingHash: text("binding_hash").notNull(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** One row per rate-limited action (sign-in mail per address / per IP). */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: id(),
    bucket: text("bucket").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_bucket_at_idx").on(t.bucket, t.at)],
);

/** The managed list of categories (issue 14); pieces.category holds a category's name, kept in step by the foreign key. */
export const categories = pgTable("categories", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** A slug a category used to answer to (renamed or merged away), redirecting to the category now holding its pieces. */
export const categoryRedirects = pgTable("category_redirects", {
  fromSlug: text("from_slug").primaryKey(),
  categoryId: text("category_id")
    .notNull()
    .references(() => categories.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const pieces = pgTable(
  "pieces",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    // A name, not an id: renaming cascades here, so every reader of pieces.category keeps working unchanged.
    category: text("category")
      .notNull()
      .references(() => categories.name, { onUpdate: "cascade", onDelete: "restrict" }),
    headline: text("headline").notNull(),
    teaser: text("teaser").notNull(),
    analysis: text("analysis").notNull(),
    // The analysis through lib/pieces/markdown.ts's sanitizer, written with it (lib/pieces/analysis-html.ts); gated like it.
    analysisHtml: text("analysis_html"),
    ctaPitch: text("cta_pitch").notNull(),
    ctaButton: text("cta_button").notNull().default("Join ESM Insight →"),
    sourceOutlet: text("source_outlet"),
    sourceTagline: text("source_tagline"),
    sourceCategory: text("source_category"),
    sourceHeadline: text("source_headline"),
    sourceBody: text("source_body"),
    sourcePublishedAt: at("source_published_at"),
    sourceUrl: text("source_url"),
    status: pieceStatusEnum("status").notNull().default("draft"),
    visibility: visibilityEnum("visibility").notNull().default("paid"),
    publishAt: at("publish_at"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name"),
    mailAudience: text("mail_audience").$type<MailAudience>().notNull().default("everyone"),
    // The newsletter mail's subject line and inbox preheader; null: the headline, the teaser's first sentence.
    emailSubject: text("email_subject"),
    emailPreheader: text("email_preheader"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    searchPublic: tsvector("search_public").generatedAlwaysAs(publicDocument),
    searchAnalysis: tsvector("search_analysis").generatedAlwaysAs(analysisDocument),
  },
  (t) => [
    index("pieces_status_publish_idx").on(t.status, t.publishAt),
    index("pieces_category_idx").on(t.category),
    index("pieces_search_public_idx").using("gin", t.searchPublic),
    index("pieces_search_analysis_idx").using("gin", t.searchAnalysis),
  ],
);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status").notNull(),
    priceId: text("price_id"),
    interval: text("interval"),
    unitAmount: integer("unit_amount"),
    currency: text("currency"),
    currentPeriodEnd: at("current_period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    trialEnd: at("trial_end"),
    pastDueSince: at("past_due_since"),
    endedAt: at("ended_at"),
    /** The piece the reader was on when Checkout started (Checkout metadata `piece`), mirrored by the sync. */
    sourcePieceId: text("source_piece_id"),
    /** Stripe's cancellation_details: the reason chosen and the reader's words. */
    cancellationFeedback: text("cancellation_feedback"),
    cancellationComment: text("cancellation_comment"),
    createdAt: at("created_at").notNull().defaultNow(),
    syncedAt: at("synced_at").notNull().defaultNow(),
  },
  (t) => [index("subscriptions_customer_idx").on(t.customerId), index("subscriptions_user_idx").on(t.userId)],
);

/** Orders concurrent syncs of one customer: only a sync newer than the last one written may write. */
export const stripeSyncState = pgTable("stripe_sync_state", {
  customerId: text("customer_id").primaryKey(),
  startedGeneration: integer("started_generation").notNull().default(0),
  writtenGeneration: integer("written_generation").notNull().default(0),
});

export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  customerId: text("customer_id"),
  receivedAt: at("received_at").notNull().defaultNow(),
});

export const complimentaryGrants = pgTable(
  "complimentary_grants",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: at("expires_at"),
    revokedAt: at("revoked_at"),
    note: text("note"),
    grantedBy: text("granted_by"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("complimentary_grants_user_idx").on(t.userId)],
);

export const emailPreferences = pgTable("email_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newPieces: boolean("new_pieces").notNull().default(true),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const suppressions = pgTable("suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Local outbox: where mail goes when no RESEND_API_KEY is set (demo mode). */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);

export const sends = pgTable("sends", {
  id: id(),
  /** The piece of a new-piece send; null for a signal alert (issue 12), which names its signal change instead. */
  pieceId: text("piece_id")
    .unique()
    .references(() => pieces.id, { onDelete: "cascade" }),
  /** The signal_changes row a signal alert announces (one send per change). */
  signalChangeId: text("signal_change_id").unique(),
  status: text("status").$type<"pending" | "sending" | "sent" | "failed">().notNull().default("pending"),
  total: integer("total").notNull().default(0),
  fullCount: integer("full_count").notNull().default(0),
  teaserCount: integer("teaser_count").notNull().default(0),
  requestedBy: text("requested_by"),
  /** The audience chosen at publish: "paid" freezes no teaser-tier deliveries. */
  audience: text("audience").$type<Exclude<MailAudience, "none">>().notNull().default("everyone"),
  startedAt: at("started_at"),
  finishedAt: at("finished_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  /** Deliveries the provider accepted (sent, then maybe delivered or bounced). */
  sentCount: integer("sent_count").notNull().default(0),
  /** Deliveries that failed for good (until a retry round re-queues them). */
  failedCount: integer("failed_count").notNull().default(0),
});

export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    sendId: text("send_id")
      .notNull()
      .references(() => sends.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    variant: text("variant").$type<"full" | "teaser">().notNull(),
    batch: integer("batch").notNull(),
    status: text("status").$type<"pending" | "sending" | "sent" | "failed" | "delivered" | "bounced">().notNull().default("pending"),
    providerId: text("provider_id"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** What Resend's webhook reported for this recipient (lib/mail/engagement.ts). */
    deliveredAt: at("delivered_at"),
    /** First open of any kind, and the first open that was not a machine's (see lib/mail/engagement.ts). */
    openedAt: at("opened_at"),
    humanOpenedAt: at("human_opened_at"),
    opens: integer("opens").notNull().default(0),
    machineOpens: integer("machine_opens").notNull().default(0),
    clickedAt: at("clicked_at"),
    clicks: integer("clicks").notNull().default(0),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_send_email_uq").on(t.sendId, t.email),
    index("deliveries_send_batch_idx").on(t.sendId, t.batch),
    index("deliveries_provider_idx").on(t.providerId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    target: text("target"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

/** A staff member's public face: the byline, the author page at /author/[slug]. */
export const staffProfiles = pgTable("staff_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  displayName: text("display_name").notNull(),
  bio: text("bio").notNull().default(""),
  photoUrl: text("photo_url"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** Newsroom settings an admin changes, one row per key; each key's value is parsed by its zod schema (lib/staff/settings.ts). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Piece = typeof pieces.$inferSelect;
export type NewPiece = typeof pieces.$inferInsert;
export type Subscription = typeof subscriptions.$inferSelect;
export type ComplimentaryGrant = typeof complimentaryGrants.$inferSelect;

/**
 * Newsletter fan-out: one row per batch of up to 100 deliveries of one variant. The status
 * is the lock a sender claims (pending → sending with a lease → sent | failed); a batch whose
 * lease ran out (its worker died) can be claimed again and is re-sent under the same
 * idempotency key, so the provider replays instead of sending twice.
 */
export const sendBatches = pgTable(
  "send_batches",
  {
    sendId: text("send_id")
      .notNull()
      .references(() => sends.id, { onDelete: "cascade" }),
    batch: integer("batch").notNull(),
    variant: text("variant").$type<"full" | "teaser">().notNull(),
    /** 0 for the first attempt; retry rounds of failed deliveries get new batches with round > 0. */
    round: integer("round").notNull().default(0),
    size: integer("size").notNull(),
    status: text("status").$type<"pending" | "sending" | "sent" | "failed">().notNull().default("pending"),
    leaseUntil: at("lease_until"),
    claimToken: text("claim_token"),
    claimedBy: text("claimed_by"),
    claims: integer("claims").notNull().default(0),
    error: text("error"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sendId, t.batch] }),
    index("send_batches_claim_idx").on(t.sendId, t.status, t.batch),
  ],
);

/**
 * Each variant of a send, rendered once (with the unsubscribe placeholder) and kept until the send
 * finishes, so every worker and every replay of a batch sends byte-identical mail. Holds the full
 * analysis for the full variant: read only by lib/mail/newsletter/templates.ts.
 */
export const sendTemplates = pgTable(
  "send_templates",
  {
    sendId: text("send_id")
      .notNull()
      .references(() => sends.id, { onDelete: "cascade" }),
    variant: text("variant").$type<"full" | "teaser">().notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sendId, t.variant] })],
);

/** Resend webhook deliveries already handled, by svix-id (a duplicate is acknowledged and skipped). */
export const resendWebhookEvents = pgTable("resend_webhook_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  emailId: text("email_id"),
  receivedAt: at("received_at").notNull().defaultNow(),
});

/**
 * One row per lifecycle mail decided (issue 13): the unique key (reader, kind, Stripe object)
 * makes a webhook retry, a duplicate or reordered event, or a concurrent delivery send nothing twice.
 */
export const lifecycleMails = pgTable(
  "lifecycle_mails",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    objectId: text("object_id").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lifecycle_mails_once_uq").on(t.userId, t.kind, t.objectId)],
);

/**
 * A gift subscription bought through Checkout (mode payment; lib/gifts/). One row per paid session;
 * the redeem token is stored only as its hash, set when the recipient's mail goes out.
 */
export const gifts = pgTable(
  "gifts",
  {
    id: id(),
    checkoutSessionId: text("checkout_session_id").notNull(),
    months: integer("months").notNull(),
    buyerEmail: text("buyer_email").notNull(),
    buyerUserId: text("buyer_user_id").references(() => users.id, { onDelete: "set null" }),
    recipientEmail: text("recipient_email").notNull(),
    message: text("message"),
    deliverOn: date("deliver_on", { mode: "string" }).notNull(),
    amountTotal: integer("amount_total").notNull(),
    amountTax: integer("amount_tax").notNull().default(0),
    currency: text("currency").notNull(),
    receiptSentAt: at("receipt_sent_at"),
    deliveredAt: at("delivered_at"),
    tokenHash: text("token_hash"),
    redeemedAt: at("redeemed_at"),
    redeemedBy: text("redeemed_by").references(() => users.id, { onDelete: "set null" }),
    grantId: text("grant_id").references(() => complimentaryGrants.id, { onDelete: "set null" }),
    redeemedNoticeSentAt: at("redeemed_notice_sent_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("gifts_checkout_session_uq").on(t.checkoutSessionId),
    uniqueIndex("gifts_token_hash_uq").on(t.tokenHash),
  ],
);
export type Gift = typeof gifts.$inferSelect;

/** Raw bytes (an uploaded image, lib/media). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Images staff upload into a piece (issue 14), resized and re-encoded before they are stored. The id
 * is the SHA-256 of the stored bytes, so /media/<id> never changes and may be cached for good.
 */
export const media = pgTable("media", {
  id: text("id").primaryKey(),
  contentType: text("content_type").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  // Null when the bytes live in the S3-compatible bucket (S3_BUCKET).
  bytes: bytea("bytes"),
  uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** First-party page reads (lib/numbers/reads.ts): one counter per piece and UTC day, raised by an upsert. */
export const pieceReads = pgTable(
  "piece_reads",
  {
    pieceId: text("piece_id")
      .notNull()
      .references(() => pieces.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    reads: integer("reads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pieceId, t.day] })],
);

/** A sign-in requested by an address with no account yet, from a piece: moved onto users.signup_piece_id when the account is made. */
export const pendingSignupSources = pgTable("pending_signup_sources", {
  email: text("email").primaryKey(),
  pieceId: text("piece_id")
    .notNull()
    .references(() => pieces.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull().defaultNow(),
});
export const REVISION_KINDS = ["autosave", "save", "publish", "restore"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/**
 * A piece's editable fields as they stood at a save, a publish, a restore, or an autosave (at most one
 * autosave row per author and piece in a short window, updated in place). The snapshot is the editor's
 * own strings, validated by lib/revisions/snapshot.ts; the newest rows only are kept (lib/revisions/).
 */
export const pieceRevisions = pgTable(
  "piece_revisions",
  {
    id: id(),
    pieceId: text("piece_id")
      .notNull()
      .references(() => pieces.id, { onDelete: "cascade" }),
    fields: jsonb("fields").$type<Record<string, string>>().notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<RevisionKind>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("piece_revisions_piece_idx").on(t.pieceId, t.createdAt),
    check("piece_revisions_kind_check", sql`${t.kind} in ('autosave', 'save', 'publish', 'restore')`),
  ],
);
