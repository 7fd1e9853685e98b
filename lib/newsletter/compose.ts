import { oneClickUnsubscribeUrl, signUnsubscribeToken, unsubscribePageUrl, type MailKind } from "@/lib/mail/unsubscribe-token";
import type { CompiledTemplate } from "./substitute";

/**
 * One recipient's mail from the send's template: their signed unsubscribe link substituted
 * in, and the RFC 8058 one-click headers. Deterministic (same recipient → same bytes), which
 * an idempotent replay of a batch relies on.
 */
export interface Recipient {
  userId: string | null;
  email: string;
}

export interface ComposeContext {
  from: string;
  appUrl: string;
  secret: string;
  /** The kind of mail the send is (its unsubscribe link stops that kind only). */
  mail: MailKind;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export function composeEmail(template: CompiledTemplate, recipient: Recipient, ctx: ComposeContext): OutgoingEmail {
  const who = recipient.userId !== null ? { userId: recipient.userId } : { email: recipient.email };
  const token = signUnsubscribeToken({ ...who, mail: ctx.mail }, ctx.secret);
  const body = template.fill(unsubscribePageUrl(ctx.appUrl, token));
  return {
    from: ctx.from,
    to: recipient.email,
    subject: template.subject,
    html: body.html,
    text: body.text,
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(ctx.appUrl, token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
