import { Heading, Link, Text } from "@react-email/components";
import type { FullAssessment, RiskHook } from "@/lib/risk/types";
import { AssessmentMail, RiskHookMail } from "./assessment-card";
import { Block, CtaButton, Layout } from "./layout";
import { PROSE_CLASS, typography, ui } from "./styles";

export type NewPieceBase = {
  publication: { name: string; tagline: string; url: string };
  piece: {
    headline: string;
    category: string;
    url: string;
    /** Already formatted for display. */
    publishedAt: string;
    /** The byline's name, when the piece has an author. */
    author?: string;
    source?: { outlet: string; headline: string; url?: string };
  };
  /** The inbox preheader, plain text (lib/newsletter/mail-heading.ts: the editor's, else the teaser's first sentence). */
  preheader: string;
  /**
   * Pass UNSUBSCRIBE_PLACEHOLDER (./unsubscribe-placeholder), render once, then
   * substitute per recipient with a plain string replace (html and text).
   */
  unsubscribeUrl: string;
};

/** Paying subscribers. HTML strings must already be sanitized. */
export type NewPieceFull = { variant: "full"; teaserHtml: string; analysisHtml: string; assessment?: FullAssessment; riskHook?: never };

/** Free members: the teaser plus a pitch and a join button, never the analysis. */
export type NewPieceTeaser = {
  variant: "teaser";
  teaserHtml: string;
  joinUrl: string;
  pitch: string;
  buttonText: string;
  /** The public hook of the piece's assessment (level and vector names), if it has one. */
  riskHook?: RiskHook;
  /** Make passing the analysis or the whole assessment to a teaser mail a type error. */
  analysisHtml?: never;
  assessment?: never;
};

export type NewPieceProps = NewPieceBase & (NewPieceFull | NewPieceTeaser);

function Prose({ html }: { html: string }) {
  return <div className={PROSE_CLASS} style={ui.prose} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Source({ source }: { source: NonNullable<NewPieceBase["piece"]["source"]> }) {
  const title = `“${source.headline}”`;
  return (
    <Text style={ui.source}>
      Responding to: {source.outlet},{" "}
      {source.url ? (
        <Link href={source.url} style={{ color: "inherit", textDecoration: "underline" }}>
          {title}
        </Link>
      ) : (
        title
      )}
    </Text>
  );
}

export function NewPieceEmail(props: NewPieceProps) {
  const { publication, piece, unsubscribeUrl } = props;
  const reason =
    props.variant === "full"
      ? `You're receiving this because you subscribe to ${publication.name}.`
      : `You're receiving this because you're a member of ${publication.name}.`;
  return (
    <Layout
      preview={props.preheader}
      reason={reason}
      publication={publication}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Text style={typography.kicker}>{piece.category}</Text>
      <Heading as="h1" className="esm-h1" style={typography.h1}>
        <Link href={piece.url} style={{ color: "inherit", textDecoration: "none" }}>
          {piece.headline}
        </Link>
      </Heading>
      <Text style={typography.meta}>{piece.author ? `By ${piece.author} · ${piece.publishedAt}` : piece.publishedAt}</Text>
      {piece.source ? <Source source={piece.source} /> : null}
      <Prose html={props.teaserHtml} />
      {/* Each branch reads only its own variant's fields. */}
      {props.variant === "full" ? (
        <>
          {props.assessment ? <AssessmentMail assessment={props.assessment} /> : null}
          <Prose html={props.analysisHtml} />
          <Text style={{ ...typography.small, margin: "24px 0 0" }}>
            <Link href={piece.url} style={typography.link}>
              Read on the web →
            </Link>
          </Text>
        </>
      ) : (
        <>
          {props.riskHook ? <RiskHookMail hook={props.riskHook} /> : null}
          <Block style={ui.callout} margin="28px 0 0">
            <Text style={ui.calloutText}>{props.pitch}</Text>
            <CtaButton href={props.joinUrl}>{props.buttonText}</CtaButton>
          </Block>
        </>
      )}
    </Layout>
  );
}

export default NewPieceEmail;
