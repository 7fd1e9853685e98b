import { oneClickUnsubscribeUrl, signUnsubscribeToken, unsubscribePageUrl } from "@/lib/mail/unsubscribe-token";
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
  const token = signUnsubscribeToken(recipient.userId !== null ? { userId: recipient.userId } : { email: recipient.email }, ctx.secret);
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
