import { Heading, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type SubscriptionEndedProps = {
  joinUrl: string;
  publication: PublicationInfo;
};

export function SubscriptionEndedEmail({ joinUrl, publication }: SubscriptionEndedProps) {
  const pub = publication.name;
  return (
    <Layout
      preview={`Your ${pub} subscription has ended.`}
      reason={`You're receiving this because your paid subscription to ${pub} ended.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        Your subscription has ended
      </Heading>
      <Text style={typography.body}>
        Your paid subscription to {pub} is over and no further payments will be taken. You keep your
        free membership: the opening of every new piece still reaches you by email.
      </Text>
      <Text style={typography.body}>Thank you for reading. You are welcome back at any time.</Text>
      <CtaButton href={joinUrl}>Subscribe again</CtaButton>
    </Layout>
  );
}

export default SubscriptionEndedEmail;
