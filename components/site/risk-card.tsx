import type { ReactNode } from "react";
import type { FullAssessment, RiskForViewer, RiskHook, RiskSignal } from "@/lib/risk/types";
import { horizonLabel, levelLabel, levelRank, statusLabel, TAG_KINDS, tagKindLabel } from "@/lib/risk/scale";
import { RiskMatrix } from "./risk-matrix";
import { RiskFollow, type FollowControls } from "./risk-follow";
import "./risk.css";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatDate = (d: Date) => dateFormat.format(d);

/**
 * The risk card of a piece: the public hook (level, vector names) or, for the entitled, the whole
 * assessment; with follow buttons when a signed-in reader's page passes `follow`.
 */
export function RiskCard({ risk, follow }: { risk: RiskForViewer; follow?: FollowControls }) {
  if (risk.kind === "none") return null;
  const controls = follow ? <RiskFollow risk={risk} controls={follow} /> : null;
  return risk.kind === "hook" ? <RiskHookCard hook={risk.hook}>{controls}</RiskHookCard> : <RiskFullCard assessment={risk.assessment}>{controls}</RiskFullCard>;
}

export function RiskLevelBadge({ level }: { level: RiskHook["level"] }) {
  return (
    <span className={`risk-level level-${levelRank(level)}`}>
      <span className="visually-hidden">Risk level: </span>
      {levelLabel(level)}
    </span>
  );
}

function RiskHookCard({ hook, children }: { hook: RiskHook; children?: ReactNode }) {
  return (
    <section className="risk-card" aria-labelledby="risk-title" data-risk="hook">
      <h2 id="risk-title" className="risk-title">
        Risk assessment <RiskLevelBadge level={hook.level} />
      </h2>
      <p className="risk-vectors-label meta">Vectors</p>
      <ul className="risk-chips">
        {hook.vectors.map((v) => (
          <li key={v.slug}>{v.name}</li>
        ))}
      </ul>
      <p className="meta">Scores, who is exposed and the signals to watch are part of the full analysis.</p>
      {children}
    </section>
  );
}

function SignalItem({ signal }: { signal: RiskSignal }) {
  const [latest, ...older] = signal.changes;
  return (
    <li className={`risk-signal status-${signal.status}`}>
      <p className="risk-signal-head">
        <span className={`risk-status status-${signal.status}`}>{statusLabel(signal.status)}</span>{" "}
        <time className="meta" dateTime={signal.statusAt.toISOString()}>
          since {formatDate(signal.statusAt)}
        </time>
      </p>
      <p className="risk-signal-statement">{signal.statement}</p>
      <p className="meta">
        <strong>Indicator:</strong> {signal.indicator}
      </p>
      {latest ? (
        <p className="meta risk-note">
          <time dateTime={latest.at.toISOString()}>{formatDate(latest.at)}</time>: {latest.note}
        </p>
      ) : null}
      {older.length > 0 ? (
        <details className="meta">
          <summary>Earlier changes</summary>
          <ul>
            {older.map((c) => (
              <li key={c.at.toISOString() + c.status}>
                <time dateTime={c.at.toISOString()}>{formatDate(c.at)}</time>: {statusLabel(c.status)}. {c.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function RiskFullCard({ assessment: a, children }: { assessment: FullAssessment; children?: ReactNode }) {
  return (
    <section className="risk-card risk-gated" aria-labelledby="risk-title" data-risk="full">
      <h2 id="risk-title" className="risk-title">
        Risk assessment <RiskLevelBadge level={a.level} />
      </h2>
      <p className="meta">Time horizon: {horizonLabel(a.horizon)}</p>
      <RiskMatrix vectors={a.vectors} id={`matrix-${a.pieceId}`} />
      {a.exposures.length > 0 ? (
        <>
          <h3 className="risk-subtitle">Who is exposed</h3>
          <dl className="risk-exposures">
            {TAG_KINDS.map((kind) => {
              const tags = a.exposures.filter((t) => t.kind === kind);
              return tags.length === 0 ? null : (
                <div key={kind}>
                  <dt>{tagKindLabel(kind)}</dt>
                  <dd>
                    <ul className="risk-chips">
                      {tags.map((t) => (
                        <li key={t.id}>{t.name}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
      {a.signals.length > 0 ? (
        <>
          <h3 className="risk-subtitle">Signals to watch</h3>
          <ul className="risk-signals">
            {a.signals.map((s) => (
              <SignalItem key={s.id} signal={s} />
            ))}
          </ul>
        </>
      ) : null}
      {children}
    </section>
  );
}
