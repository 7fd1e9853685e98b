import { Heading, Link, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type GiftReceivedProps = {
  /** "3 months". */
  span: string;
  fromEmail: string;
  message?: string;
  redeemUrl: string;
  /** Already formatted: the last day the link works. */
  redeemBy: string;
  publication: PublicationInfo;
};

export function GiftReceivedEmail({ span, fromEmail, message, redeemUrl, redeemBy, publication }: GiftReceivedProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`${fromEmail} gave you ${span} of ${pub}.`}
      reason={`You're receiving this because ${fromEmail} bought you a gift subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        You&apos;ve been given {span} of {pub}
      </Heading>
      <Text style={typography.body}>
        <strong>{fromEmail}</strong> gave you {span} of full access to {pub}: every analysis, from the day you redeem it.
      </Text>
      {message ? <Text style={typography.body}>Their message: “{message}”</Text> : null}
      <CtaButton href={redeemUrl}>Redeem your gift</CtaButton>
      <Text style={typography.small}>
        The link works once, until {redeemBy}. If the button doesn&apos;t work, open this link:{" "}
        <Link href={redeemUrl} style={typography.link}>
          {redeemUrl}
        </Link>
      </Text>
    </Layout>
  );
}

export default GiftReceivedEmail;
