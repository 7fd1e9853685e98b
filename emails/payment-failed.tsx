import { Heading, Link, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type PaymentFailedProps = {
  /** Billing portal where the card can be updated. */
  portalUrl: string;
  /** Already formatted for display, e.g. "14 March 2031". */
  graceEndsAt: string;
  /** 0 at the failure, then 1 and 2 for the reminders three and six days later. */
  reminder?: number;
  publication: PublicationInfo;
};

export function PaymentFailedEmail({ portalUrl, graceEndsAt, reminder = 0, publication }: PaymentFailedProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`Update your payment method by ${graceEndsAt} to keep your subscription.`}
      reason={`You're receiving this because you have a paid subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        {reminder > 0 ? "Reminder: your payment is still outstanding" : "Your payment didn't go through"}
      </Heading>
      <Text style={typography.body}>
        We couldn&apos;t collect the latest payment for your {pub} subscription. This is usually an
        expired or replaced card.
      </Text>
      <Text style={typography.body}>
        Your access continues until <strong>{graceEndsAt}</strong>. Update your payment method before
        then to keep reading the full analysis without interruption.
      </Text>
      <CtaButton href={portalUrl}>Update payment method</CtaButton>
      <Text style={typography.small}>
        If the button doesn&apos;t work, open this link:{" "}
        <Link href={portalUrl} style={typography.link}>
          {portalUrl}
        </Link>
      </Text>
      <Text style={typography.small}>
        If you&apos;ve already updated your details, you can ignore this mail.
      </Text>
    </Layout>
  );
}

export default PaymentFailedEmail;
