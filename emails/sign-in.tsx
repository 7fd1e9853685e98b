import { Heading, Text } from "@react-email/components";
import { Block, CtaButton, Layout, type PublicationInfo } from "./layout";
import { typography, ui } from "./styles";

export type SignInProps = {
  /** Magic sign-in link. */
  url: string;
  /** 6-digit one-time code, shown as-is. */
  code: string;
  /** Defaults to 15. */
  expiresInMinutes?: number;
  publication: PublicationInfo;
};

export function SignInEmail({ url, code, expiresInMinutes = 15, publication }: SignInProps) {
  const { name } = publication;
  return (
    <Layout
      preview={`Your sign-in code is ${code}. It expires in ${expiresInMinutes} minutes.`}
      reason={`You're receiving this because someone asked to sign in to ${name} with this email address.`}
      publication={publication}
    >
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        {`Sign in to ${name}`}
      </Heading>
      <Text style={typography.body}>Click the button below to sign in. The link works once.</Text>
      <CtaButton href={url}>{`Sign in to ${name}`}</CtaButton>
      <Block style={ui.codeBox} margin="8px 0 24px">
        <Text style={ui.code}>{code}</Text>
        <Text style={ui.codeHint}>or enter this code on the page you came from</Text>
      </Block>
      <Text style={typography.small}>{`This link expires in ${expiresInMinutes} minutes, and so does the code.`}</Text>
      <Text style={typography.small}>If you didn&apos;t ask for this, ignore this mail.</Text>
    </Layout>
  );
}

export default SignInEmail;
