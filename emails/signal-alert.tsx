import { Heading, Link, Text } from "@react-email/components";
import type { FullAssessment, RiskHook } from "@/lib/risk/types";
import { AssessmentMail, RiskHookMail } from "./assessment-card";
import { Block, CtaButton, Layout } from "./layout";
import { typography, ui } from "./styles";

/**
 * A signal alert: a signal to watch on a piece was marked triggered. Readers entitled to the
 * piece get the signal, the editor's note and the piece's updated assessment; everyone else
 * learns only that a signal they follow tripped on that piece, with a Join button.
 */
export type SignalAlertBase = {
  publication: { name: string; tagline: string; url: string };
  piece: { headline: string; category: string; url: string };
  /** Already formatted for display. */
  triggeredAt: string;
  /** UNSUBSCRIBE_PLACEHOLDER, filled in per recipient. */
  unsubscribeUrl: string;
};

export type SignalAlertFull = {
  variant: "full";
  signal: { statement: string; indicator: string };
  note: string;
  assessment: FullAssessment;
};

export type SignalAlertTeaser = {
  variant: "teaser";
  riskHook?: RiskHook;
  joinUrl: string;
  buttonText: string;
  /** Make passing gated content to a teaser alert a type error. */
  signal?: never;
  note?: never;
  assessment?: never;
};

export type SignalAlertProps = SignalAlertBase & (SignalAlertFull | SignalAlertTeaser);

export function signalAlertSubject(headline: string): string {
  return `Signal triggered: ${headline}`;
}

export function SignalAlertEmail(props: SignalAlertProps) {
  const { publication, piece, unsubscribeUrl } = props;
  return (
    <Layout
      preview={`A signal you follow was marked triggered on ${props.triggeredAt}.`}
      reason={`You're receiving this alert because you follow this piece, or one of its vectors, sectors or regions, on ${publication.name}.`}
      publication={publication}
      unsubscribeUrl={unsubscribeUrl}
      unsubscribeLabel="Unsubscribe from signal alerts"
    >
      <Text style={typography.kicker}>Signal alert · {piece.category}</Text>
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        <Link href={piece.url} style={{ color: "inherit", textDecoration: "none" }}>
          {piece.headline}
        </Link>
      </Heading>
      <Text style={typography.meta}>A signal you follow was marked triggered on {props.triggeredAt}.</Text>
      {props.variant === "full" ? (
        <>
          <Block style={{ ...ui.callout, textAlign: "left" }} margin="0 0 8px">
            <Text style={{ ...typography.body, margin: "0 0 8px" }}>
              <strong>Signal:</strong> {props.signal.statement}
            </Text>
            <Text style={{ ...typography.small, margin: "0 0 8px" }}>
              <strong>Indicator:</strong> {props.signal.indicator}
            </Text>
            <Text style={{ ...typography.small, margin: 0 }}>
              <strong>Editor’s note:</strong> {props.note}
            </Text>
          </Block>
          <AssessmentMail assessment={props.assessment} />
          <Text style={{ ...typography.small, margin: "8px 0 0" }}>
            <Link href={piece.url} style={typography.link}>
              Read the piece →
            </Link>
          </Text>
        </>
      ) : (
        <>
          {props.riskHook ? <RiskHookMail hook={props.riskHook} /> : null}
          <Block style={ui.callout} margin="8px 0 0">
            <Text style={ui.calloutText}>Subscribers get the signal, the editor’s note and the updated risk assessment.</Text>
            <CtaButton href={props.joinUrl}>{props.buttonText}</CtaButton>
          </Block>
        </>
      )}
    </Layout>
  );
}

export default SignalAlertEmail;
