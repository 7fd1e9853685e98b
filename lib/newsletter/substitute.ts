import { UNSUBSCRIBE_PLACEHOLDER } from "@/emails/unsubscribe-placeholder";
import type { MailTemplate } from "./piece-mail";

/**
 * Per-recipient substitution into a send's template, split at the placeholder once so that each
 * recipient costs a join. Same result as `personalize()` from emails/render (the value is
 * HTML-escaped in the html part, where it sits in an href; as-is in text), which
 * substitute.test.ts asserts. Not imported from there so that a worker that only sends
 * (templates already rendered) never loads React Email.
 */
export const UNSUBSCRIBE_SLOT = UNSUBSCRIBE_PLACEHOLDER;

export interface CompiledTemplate {
  subject: string;
  fill(value: string): { html: string; text: string };
}

const escapeHtml = (value: string): string =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function compileTemplate(template: MailTemplate, placeholder: string = UNSUBSCRIBE_SLOT): CompiledTemplate {
  const html = template.html.split(placeholder);
  const text = template.text.split(placeholder);
  return {
    subject: template.subject,
    fill: (value) => ({ html: html.join(escapeHtml(value)), text: text.join(value) }),
  };
}
