import { Heading, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type TrialEndingProps = {
  /** Already formatted, e.g. "14 March 2031". */
  trialEndsAt: string;
  /** Already formatted, e.g. "$8 a month". */
  price: string;
  accountUrl: string;
  publication: PublicationInfo;
};

export function TrialEndingEmail({ trialEndsAt, price, accountUrl, publication }: TrialEndingProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`Your ${pub} trial ends on ${trialEndsAt}.`}
      reason={`You're receiving this because you are trying a paid subscription to ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        Your trial ends in 3 days
      </Heading>
      <Text style={typography.body}>
        Your free trial of {pub} ends on <strong>{trialEndsAt}</strong>. From then your subscription
        continues at <strong>{price}</strong>, charged to the card you gave us.
      </Text>
      <Text style={typography.body}>
        Nothing to do if you want to keep reading. To stop before the first charge, cancel in your account.
      </Text>
      <CtaButton href={accountUrl}>Manage your subscription</CtaButton>
    </Layout>
  );
}

export default TrialEndingEmail;
