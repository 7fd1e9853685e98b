import type { CSSProperties, ReactNode } from "react";
import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import { headCss, layout, ui } from "./styles";

export type PublicationInfo = { name: string; tagline: string; url?: string };

/**
 * A padded table cell. Padding lives on the <td> (not the table) because
 * Outlook's Word engine ignores padding on tables and divs.
 */
export function Block({
  style,
  margin,
  className,
  children,
}: {
  style: CSSProperties;
  /** Margin around the block (applied to the table; td margins are ignored). */
  margin?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={margin ? { margin } : undefined}>
      <tbody>
        <tr>
          <td className={className} style={style}>
            {children}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export type LayoutProps = {
  /** Inbox preheader (hidden in the body, skipped in the text version). */
  preview: string;
  /** Why the reader gets this mail, shown in the footer. */
  reason: string;
  publication: PublicationInfo;
  /** Newsletter mails only: adds an "Unsubscribe" link to the footer. */
  unsubscribeUrl?: string;
  /** The unsubscribe link's words (default "Unsubscribe"). */
  unsubscribeLabel?: string;
  children: ReactNode;
};

export function Layout({ preview, reason, publication, unsubscribeUrl, unsubscribeLabel = "Unsubscribe", children }: LayoutProps) {
  const { name, tagline, url } = publication;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{name}</title>
        <style dangerouslySetInnerHTML={{ __html: headCss }} />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={layout.body}>
        <Container style={layout.container}>
          <Block className="esm-pad" style={layout.masthead}>
            <Text style={layout.mastheadName}>
              {url ? (
                <Link href={url} style={layout.mastheadName}>
                  {name}
                </Link>
              ) : (
                name
              )}
            </Text>
            <Text style={layout.mastheadTagline}>{tagline}</Text>
          </Block>
          <Block className="esm-pad" style={layout.content}>{children}</Block>
          <Block className="esm-pad" style={layout.footer}>
            <Text style={layout.footerName}>{name}</Text>
            <Text style={layout.footerText}>{reason}</Text>
            {unsubscribeUrl ? (
              <Text style={layout.footerText}>
                <Link href={unsubscribeUrl} style={layout.footerLink}>
                  {unsubscribeLabel}
                </Link>
              </Text>
            ) : null}
          </Block>
        </Container>
      </Body>
    </Html>
  );
}

/** The one prominent call to action of a mail, centred. */
export function CtaButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={ui.buttonRow}>
      <Button href={href} style={ui.button}>
        {children}
      </Button>
    </Section>
  );
}
