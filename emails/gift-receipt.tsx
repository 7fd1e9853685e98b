import { Heading, Text } from "@react-email/components";
import { Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type GiftReceiptProps = {
  /** "3 months". */
  span: string;
  recipientEmail: string;
  /** Already formatted, e.g. "24 December 2026". */
  deliverOn: string;
  /** Already formatted, e.g. "$24.00". */
  amount: string;
  /** Already formatted tax, or undefined when none was charged. */
  tax?: string;
  message?: string;
  publication: PublicationInfo;
};

export function GiftReceiptEmail({ span, recipientEmail, deliverOn, amount, tax, message, publication }: GiftReceiptProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`Your gift of ${span} of ${pub} is booked for ${deliverOn}.`}
      reason={`You're receiving this because you bought a gift subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        Thank you for your gift
      </Heading>
      <Text style={typography.body}>
        You gave <strong>{span}</strong> of {pub} to <strong>{recipientEmail}</strong>. We&apos;ll email them a
        link to redeem it on <strong>{deliverOn}</strong>.
      </Text>
      <Text style={typography.body}>
        Paid: <strong>{amount}</strong>
        {tax ? ` (including ${tax} tax)` : ""}, once. Nothing renews.
      </Text>
      {message ? <Text style={typography.body}>Your message: “{message}”</Text> : null}
    </Layout>
  );
}

export default GiftReceiptEmail;
