import type { CSSProperties, ReactNode } from "react";
import type { FullAssessment, RiskHook } from "@/lib/risk/types";
import { directionLabel, horizonLabel, levelLabel, statusLabel, TAG_KINDS, tagKindLabel } from "@/lib/risk/scale";
import { colors, fonts } from "./styles";

/**
 * The risk assessment in a mail: nested tables with inline styles only (Outlook's Word engine,
 * Gmail's style stripping), one fact per row so the plain-text part reads as lines. The hook
 * (level and vector names) is all a teaser-tier mail may carry; the whole card is for the entitled.
 */
/** Names the card's table for the plain-text conversion only (rows become lines); it carries no style. */
export const CARD_CLASS = "esm-card";

const cell: CSSProperties = { padding: "6px 10px", fontFamily: fonts.sans, fontSize: "14px", lineHeight: "1.5", color: colors.text, verticalAlign: "top" };
const head: CSSProperties = { ...cell, fontWeight: 700, color: colors.muted, fontSize: "12px", textTransform: "uppercase", letterSpacing: "1px" };
const note: CSSProperties = { ...cell, color: colors.muted, fontSize: "13px", paddingTop: 0 };
const frame: CSSProperties = { border: `1px solid ${colors.rule}`, backgroundColor: colors.callout, borderCollapse: "collapse", margin: "24px 0" };
const title: CSSProperties = { ...cell, fontFamily: fonts.serif, fontSize: "18px", fontWeight: 700, padding: "12px 10px 6px", borderBottom: `1px solid ${colors.rule}` };

function LevelTitle({ level, extra }: { level: RiskHook["level"]; extra?: string }) {
  return (
    <tr>
      <td colSpan={4} style={title}>
        Risk level: <span style={{ color: colors.accent }}>{levelLabel(level)}</span>
        {extra ? <span style={{ fontFamily: fonts.sans, fontSize: "13px", fontWeight: 400, color: colors.muted }}> · {extra}</span> : null}
      </td>
    </tr>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <table role="presentation" className={CARD_CLASS} width="100%" cellPadding={0} cellSpacing={0} border={0} style={frame}>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Level and vector names: the public hook, for teaser-tier mails. */
export function RiskHookMail({ hook }: { hook: RiskHook }) {
  return (
    <Frame>
      <LevelTitle level={hook.level} />
      <tr>
        <td colSpan={4} style={cell}>
          Vectors: {hook.vectors.map((v) => v.name).join(", ")}
        </td>
      </tr>
    </Frame>
  );
}

/** The whole assessment, compact: for mails to readers entitled to the analysis. */
export function AssessmentMail({ assessment: a }: { assessment: FullAssessment }) {
  const exposed = TAG_KINDS.map((kind) => ({ kind, names: a.exposures.filter((t) => t.kind === kind).map((t) => t.name) })).filter((g) => g.names.length > 0);
  return (
    <Frame>
      <LevelTitle level={a.level} extra={`Time horizon: ${horizonLabel(a.horizon)}`} />
      <tr>
        <td style={head}>Vector</td>
        <td style={head}>Likelihood</td>
        <td style={head}>Impact</td>
        <td style={head}>Direction</td>
      </tr>
      {a.vectors.flatMap((v) => [
        <tr key={`${v.slug}-scores`}>
          <td style={{ ...cell, fontWeight: 700 }}>{v.name}</td>
          <td style={cell}>{`${v.likelihood}/5`}</td>
          <td style={cell}>{`${v.impact}/5`}</td>
          <td style={cell}>{directionLabel(v.direction)}</td>
        </tr>,
        <tr key={`${v.slug}-why`}>
          <td colSpan={4} style={note}>
            {v.rationale}
          </td>
        </tr>,
      ])}
      {exposed.map((g) => (
        <tr key={g.kind}>
          <td colSpan={4} style={cell}>
            <strong>{`Exposed ${tagKindLabel(g.kind).toLowerCase()}:`}</strong> {g.names.join(", ")}
          </td>
        </tr>
      ))}
      {a.signals.map((s) => (
        <tr key={s.id}>
          <td colSpan={4} style={cell}>
            <strong>{`Signal (${statusLabel(s.status).toLowerCase()}):`}</strong> {s.statement}
          </td>
        </tr>
      ))}
    </Frame>
  );
}
