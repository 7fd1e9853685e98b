import { Heading, Text } from "@react-email/components";
import { Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type GiftRedeemedProps = {
  span: string;
  recipientEmail: string;
  publication: PublicationInfo;
};

export function GiftRedeemedEmail({ span, recipientEmail, publication }: GiftRedeemedProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`${recipientEmail} has redeemed your gift.`}
      reason={`You're receiving this because you bought a gift subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        Your gift was redeemed
      </Heading>
      <Text style={typography.body}>
        <strong>{recipientEmail}</strong> has redeemed the {span} of {pub} you gave them. Their access starts today.
      </Text>
    </Layout>
  );
}

export default GiftRedeemedEmail;
