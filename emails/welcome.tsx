import { Heading, Link, Text } from "@react-email/components";
import { CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography } from "./styles";

export type WelcomeProps = {
  name?: string;
  /** true for a paying subscriber, false for a free member. */
  isPaid: boolean;
  accountUrl: string;
  homeUrl: string;
  /** The paid plan, restated: all values already formatted ("Monthly", "$8 a month", "14 March 2031"). */
  plan?: { name: string; price: string; nextCharge: string };
  publication: PublicationInfo;
};

export function WelcomeEmail({ name, isPaid, accountUrl, homeUrl, plan, publication }: WelcomeProps) {
  const pub = publication.name;
  const greeting = name?.trim() ? `Welcome, ${name.trim()}` : `Welcome to ${pub}`;
  return (
    <Layout
      preview={isPaid ? `Your ${pub} subscription is active.` : `You're now a member of ${pub}.`}
      reason={`You're receiving this because you just ${isPaid ? "subscribed to" : "joined"} ${pub}.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        {greeting}
      </Heading>
      {isPaid ? (
        <Text style={typography.body}>
          Thank you for subscribing. Your subscription is active: every new piece arrives in your inbox
          in full, and the complete archive of analysis is open to you on the site.
        </Text>
      ) : null}
      {isPaid && plan ? (
        <Text style={typography.body}>
          Your plan: <strong>{plan.name}</strong>, {plan.price}. Your next charge is on <strong>{plan.nextCharge}</strong>.
        </Text>
      ) : null}
      {isPaid ? null : (
        <Text style={typography.body}>
          Thank you for joining. As a member you&apos;ll receive the opening of every new piece by email.
          Subscribe whenever you like to read the full analysis.
        </Text>
      )}
      <Text style={typography.body}>
        Each piece takes one development in geopolitics, markets or technology and asks what it
        changes — and what it doesn&apos;t.
      </Text>
      <CtaButton href={homeUrl}>Start reading</CtaButton>
      <Text style={typography.small}>
        You can change your email preferences{isPaid ? " and billing details" : ""} in{" "}
        <Link href={accountUrl} style={typography.link}>
          your account
        </Link>
        .
      </Text>
    </Layout>
  );
}

export default WelcomeEmail;
