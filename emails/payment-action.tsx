import { Heading, Link, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type PaymentActionProps = {
  /** Stripe's hosted invoice page, where the reader confirms the payment. */
  invoiceUrl: string;
  /** Already formatted, e.g. "$8.00". */
  amount: string;
  publication: PublicationInfo;
};

export function PaymentActionEmail({ invoiceUrl, amount, publication }: PaymentActionProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`Your bank asks you to confirm a payment of ${amount}.`}
      reason={`You're receiving this because you have a paid subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        Please confirm your payment
      </Heading>
      <Text style={typography.body}>
        Your bank needs you to confirm the payment of <strong>{amount}</strong> for your {pub}{" "}
        subscription. It takes a moment on the secure payment page.
      </Text>
      <CtaButton href={invoiceUrl}>Confirm payment</CtaButton>
      <Text style={typography.small}>
        If the button doesn&apos;t work, open this link:{" "}
        <Link href={invoiceUrl} style={typography.link}>
          {invoiceUrl}
        </Link>
      </Text>
    </Layout>
  );
}

export default PaymentActionEmail;
