import type { CSSProperties } from "react";

/**
 * Shared design tokens and inline style objects for all mails.
 * Everything is inlined via React Email components (Gmail/Outlook safe);
 * the only <style> block is `proseCss` below, which styles the sanitized
 * HTML we inject (those elements can't carry inline styles from us).
 */

export const colors = {
  text: "#1a1a1a",
  muted: "#5c5c5c",
  faint: "#8a8a8a",
  accent: "#9b1c1c",
  rule: "#e4e0d8",
  page: "#f4f1ea",
  paper: "#ffffff",
  callout: "#faf7f2",
} as const;

export const fonts = {
  serif: "Georgia, 'Times New Roman', Times, serif",
  sans: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif",
  mono: "'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace",
} as const;

export const CONTENT_MAX_WIDTH = 600;

type Styles = Record<string, CSSProperties>;

export const layout = {
  body: {
    backgroundColor: colors.page,
    margin: 0,
    padding: "24px 0",
    color: colors.text,
    fontFamily: fonts.serif,
  },
  container: {
    width: "100%",
    maxWidth: `${CONTENT_MAX_WIDTH}px`,
    margin: "0 auto",
    backgroundColor: colors.paper,
    border: `1px solid ${colors.rule}`,
  },
  masthead: {
    padding: "28px 32px 20px",
    borderTop: `4px solid ${colors.accent}`,
    borderBottom: `1px solid ${colors.rule}`,
    textAlign: "center",
  },
  mastheadName: {
    margin: 0,
    fontFamily: fonts.serif,
    fontSize: "28px",
    lineHeight: "1.2",
    fontWeight: 700,
    letterSpacing: "0.5px",
    color: colors.text,
    textDecoration: "none",
  },
  mastheadTagline: {
    margin: "6px 0 0",
    fontFamily: fonts.serif,
    fontSize: "14px",
    lineHeight: "1.4",
    fontStyle: "italic",
    color: colors.muted,
  },
  content: {
    padding: "32px 32px 36px",
  },
  footer: {
    padding: "20px 32px 28px",
    borderTop: `1px solid ${colors.rule}`,
    backgroundColor: colors.callout,
  },
  footerName: {
    margin: "0 0 6px",
    fontFamily: fonts.serif,
    fontSize: "14px",
    fontWeight: 700,
    color: colors.text,
  },
  footerText: {
    margin: "0 0 6px",
    fontFamily: fonts.sans,
    fontSize: "12px",
    lineHeight: "1.6",
    color: colors.muted,
  },
  footerLink: {
    color: colors.muted,
    textDecoration: "underline",
  },
} satisfies Styles;

export const typography = {
  h1: {
    margin: "0 0 16px",
    fontFamily: fonts.serif,
    fontSize: "28px",
    lineHeight: "1.25",
    fontWeight: 700,
    color: colors.text,
  },
  kicker: {
    margin: "0 0 10px",
    fontFamily: fonts.sans,
    fontSize: "12px",
    lineHeight: "1.4",
    fontWeight: 700,
    letterSpacing: "1.5px",
    textTransform: "uppercase",
    color: colors.accent,
  },
  body: {
    margin: "0 0 16px",
    fontFamily: fonts.serif,
    fontSize: "17px",
    lineHeight: "1.65",
    color: colors.text,
  },
  small: {
    margin: "0 0 12px",
    fontFamily: fonts.sans,
    fontSize: "14px",
    lineHeight: "1.6",
    color: colors.muted,
  },
  meta: {
    margin: "0 0 24px",
    fontFamily: fonts.sans,
    fontSize: "13px",
    lineHeight: "1.5",
    color: colors.faint,
  },
  link: {
    color: colors.accent,
    textDecoration: "underline",
  },
} satisfies Styles;

export const ui = {
  buttonRow: {
    margin: "8px 0 24px",
    textAlign: "center",
  },
  button: {
    backgroundColor: colors.accent,
    color: "#ffffff",
    fontFamily: fonts.sans,
    fontSize: "16px",
    fontWeight: 700,
    borderRadius: "4px",
    padding: "14px 28px",
    textDecoration: "none",
  },
  codeBox: {
    padding: "18px 12px",
    backgroundColor: colors.callout,
    border: `1px solid ${colors.rule}`,
    textAlign: "center",
  },
  code: {
    margin: 0,
    fontFamily: fonts.mono,
    fontSize: "32px",
    lineHeight: "1.2",
    fontWeight: 700,
    letterSpacing: "8px",
    color: colors.text,
  },
  codeHint: {
    margin: "8px 0 0",
    fontFamily: fonts.sans,
    fontSize: "13px",
    lineHeight: "1.5",
    color: colors.muted,
  },
  callout: {
    padding: "24px 24px 8px",
    backgroundColor: colors.callout,
    borderTop: `3px solid ${colors.accent}`,
    textAlign: "center",
  },
  calloutText: {
    margin: "0 0 18px",
    fontFamily: fonts.serif,
    fontSize: "18px",
    lineHeight: "1.5",
    fontStyle: "italic",
    color: colors.text,
  },
  source: {
    margin: "0 0 24px",
    padding: "10px 14px",
    borderLeft: `3px solid ${colors.rule}`,
    fontFamily: fonts.sans,
    fontSize: "13px",
    lineHeight: "1.5",
    color: colors.muted,
  },
  prose: {
    fontFamily: fonts.serif,
    fontSize: "17px",
    lineHeight: "1.65",
    color: colors.text,
  },
} satisfies Styles;

/** Class applied to containers holding injected (sanitized) HTML. */
export const PROSE_CLASS = "esm-prose";

/**
 * Embedded CSS: typography for injected HTML (Gmail, Apple Mail and Outlook
 * honour class selectors in <head>), plus a narrow-screen tweak so the mail
 * reads well at 360px. Clients that strip it fall back to the inline styles.
 */
export const headCss = `
.${PROSE_CLASS} p { margin: 0 0 16px; }
.${PROSE_CLASS} h2, .${PROSE_CLASS} h3 { font-family: ${fonts.serif}; color: ${colors.text}; line-height: 1.3; margin: 28px 0 12px; }
.${PROSE_CLASS} h2 { font-size: 22px; }
.${PROSE_CLASS} h3 { font-size: 19px; }
.${PROSE_CLASS} a { color: ${colors.accent}; text-decoration: underline; }
.${PROSE_CLASS} blockquote { margin: 0 0 16px; padding: 0 0 0 16px; border-left: 3px solid ${colors.rule}; color: ${colors.muted}; font-style: italic; }
.${PROSE_CLASS} ul, .${PROSE_CLASS} ol { margin: 0 0 16px; padding: 0 0 0 24px; }
.${PROSE_CLASS} li { margin: 0 0 8px; }
.${PROSE_CLASS} img { max-width: 100%; height: auto; }
@media only screen and (max-width: 480px) {
  .esm-pad { padding-left: 20px !important; padding-right: 20px !important; }
  .esm-h1 { font-size: 24px !important; }
}
`;
