"use client";

import { useState } from "react";
import { RiskCard } from "@/components/site/risk-card";
import type { AssessmentState } from "@/lib/risk/editor-state";
import { directionLabel, horizonLabel, levelLabel, RISK_DIRECTIONS, RISK_HORIZONS, RISK_LEVELS, SIGNAL_STATUSES, statusLabel, type TagKind } from "@/lib/risk/scale";
import type { FullAssessment, RiskForViewer } from "@/lib/risk/types";

/**
 * The risk assessment's fields in the piece editor. The whole state is posted as JSON in one
 * hidden field, `assessment`, which the save action parses with the piece's zod form
 * (lib/risk/assessment-schema.ts); errors come back keyed `assessment.vectors.0.rationale` etc.
 */
type Errors = Record<string, string | undefined>;
interface Options {
  vectors: { slug: string; name: string }[];
  tags: { id: string; kind: TagKind; name: string }[];
}
type VectorRow = AssessmentState["vectors"][number];
type SignalRow = AssessmentState["signals"][number];

const LISTS: ["sectors" | "regions" | "organisations", TagKind, string][] = [
  ["sectors", "sector", "Exposed sectors"],
  ["regions", "region", "Exposed regions"],
  ["organisations", "organisation", "Exposed organisations"],
];

function Err({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  ) : null;
}

function previewOf(a: AssessmentState, options: Options): { anonymous: RiskForViewer; subscriber: RiskForViewer } {
  const name = (slug: string) => options.vectors.find((v) => v.slug === slug)?.name ?? slug;
  const vectors = a.vectors.filter((v) => v.vector !== "");
  const now = new Date();
  const full: FullAssessment = {
    pieceId: "preview",
    level: a.level as FullAssessment["level"],
    horizon: a.horizon as FullAssessment["horizon"],
    vectors: vectors.map((v) => ({ slug: v.vector, name: name(v.vector), likelihood: Number(v.likelihood), impact: Number(v.impact), direction: v.direction as VectorRow["direction"] & FullAssessment["vectors"][number]["direction"], rationale: v.rationale })),
    exposures: options.tags.filter((t) => [...a.sectors, ...a.regions, ...a.organisations].includes(t.id)).map((t) => ({ ...t, slug: t.id })),
    signals: a.signals.map((s, i) => ({ id: s.id ?? `new-${i}`, statement: s.statement, indicator: s.indicator, status: s.status as FullAssessment["signals"][number]["status"], statusAt: now, changes: [] })),
  };
  return {
    anonymous: { kind: "hook", hook: { level: full.level, vectors: full.vectors.map((v) => ({ slug: v.slug, name: v.name })) } },
    subscriber: { kind: "full", assessment: full },
  };
}

export function AssessmentFields({ initial, options, errors, onChange }: { initial: AssessmentState; options: Options; errors: Errors; onChange?: () => void }) {
  const [a, setA] = useState(initial);
  const update = (next: AssessmentState) => {
    setA(next);
    onChange?.();
  };
  const setVector = (i: number, patch: Partial<VectorRow>) => update({ ...a, vectors: a.vectors.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const setSignal = (i: number, patch: Partial<SignalRow>) => update({ ...a, signals: a.signals.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const err = (key: string) => errors[`assessment.${key}`];
  const inv = (key: string) => (err(key) ? { "aria-invalid": true as const, "aria-describedby": `e-assessment-${key}` } : {});
  const preview = a.enabled ? previewOf(a, options) : null;

  return (
    <fieldset className="editor-source assessment-fields">
      <legend>Risk assessment</legend>
      <input type="hidden" name="assessment" value={JSON.stringify(a)} />
      <label className="checkbox">
        <input type="checkbox" checked={a.enabled} onChange={(ev) => update({ ...a, enabled: ev.target.checked })} /> This piece has a risk assessment
      </label>
      {errors.assessment && !Object.keys(errors).some((k) => k.startsWith("assessment.")) ? <Err id="e-assessment" message={errors.assessment} /> : null}
      {a.enabled ? (
        <>
          <div className="editor-field">
            <label htmlFor="f-risk-level">Risk level</label>
            <select id="f-risk-level" value={String(a.level)} onChange={(ev) => update({ ...a, level: ev.target.value as AssessmentState["level"] })} {...inv("level")}>
              {RISK_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
            <Err id="e-assessment-level" message={err("level")} />
          </div>
          <div className="editor-field">
            <label htmlFor="f-risk-horizon">Time horizon</label>
            <select id="f-risk-horizon" value={String(a.horizon)} onChange={(ev) => update({ ...a, horizon: ev.target.value as AssessmentState["horizon"] })} {...inv("horizon")}>
              {RISK_HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {horizonLabel(h)}
                </option>
              ))}
            </select>
          </div>
          <Err id="e-assessment-vectors" message={err("vectors")} />
          {a.vectors.map((v, i) => {
            const k = `vectors.${i}`;
            return (
              <fieldset key={i} className="assessment-row" aria-label={`Vector ${i + 1}`}>
                <legend>Vector {i + 1}</legend>
                <div className="editor-field">
                  <label htmlFor={`f-vector-${i}`}>Vector</label>
                  <select id={`f-vector-${i}`} value={v.vector} onChange={(ev) => setVector(i, { vector: ev.target.value })} {...inv(`${k}.vector`)}>
                    <option value="">Choose…</option>
                    {options.vectors.map((o) => (
                      <option key={o.slug} value={o.slug}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <Err id={`e-assessment-${k}.vector`} message={err(`${k}.vector`)} />
                </div>
                <div className="assessment-scores">
                  <div className="editor-field">
                    <label htmlFor={`f-likelihood-${i}`}>Likelihood</label>
                    <input id={`f-likelihood-${i}`} type="number" min={1} max={5} step={1} value={String(v.likelihood)} onChange={(ev) => setVector(i, { likelihood: ev.target.value })} {...inv(`${k}.likelihood`)} />
                    <Err id={`e-assessment-${k}.likelihood`} message={err(`${k}.likelihood`)} />
                  </div>
                  <div className="editor-field">
                    <label htmlFor={`f-impact-${i}`}>Impact</label>
                    <input id={`f-impact-${i}`} type="number" min={1} max={5} step={1} value={String(v.impact)} onChange={(ev) => setVector(i, { impact: ev.target.value })} {...inv(`${k}.impact`)} />
                    <Err id={`e-assessment-${k}.impact`} message={err(`${k}.impact`)} />
                  </div>
                  <div className="editor-field">
                    <label htmlFor={`f-direction-${i}`}>Direction</label>
                    <select id={`f-direction-${i}`} value={String(v.direction)} onChange={(ev) => setVector(i, { direction: ev.target.value as VectorRow["direction"] })}>
                      {RISK_DIRECTIONS.map((d) => (
                        <option key={d} value={d}>
                          {directionLabel(d)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="editor-field">
                  <label htmlFor={`f-rationale-${i}`}>Rationale</label>
                  <input id={`f-rationale-${i}`} type="text" maxLength={240} value={v.rationale} onChange={(ev) => setVector(i, { rationale: ev.target.value })} {...inv(`${k}.rationale`)} />
                  <Err id={`e-assessment-${k}.rationale`} message={err(`${k}.rationale`)} />
                </div>
                {a.vectors.length > 1 ? (
                  <button type="button" className="button secondary" onClick={() => update({ ...a, vectors: a.vectors.filter((_, j) => j !== i) })}>
                    Remove vector {i + 1}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          {a.vectors.length < 7 ? (
            <button type="button" className="button secondary" onClick={() => update({ ...a, vectors: [...a.vectors, { vector: "", likelihood: 3, impact: 3, direction: "steady", rationale: "" }] })}>
              Add a vector
            </button>
          ) : null}
          {LISTS.map(([key, kind, label]) => (
            <div key={key} className="editor-field">
              <label htmlFor={`f-${key}`}>{label}</label>
              <select
                id={`f-${key}`}
                multiple
                size={Math.min(6, Math.max(2, options.tags.filter((t) => t.kind === kind).length))}
                value={a[key] as string[]}
                onChange={(ev) => update({ ...a, [key]: [...ev.target.selectedOptions].map((o) => o.value) })}
                {...inv(key)}
              >
                {options.tags
                  .filter((t) => t.kind === kind)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </select>
              <Err id={`e-assessment-${key}`} message={err(key)} />
            </div>
          ))}
          {a.signals.map((s, i) => {
            const k = `signals.${i}`;
            return (
              <fieldset key={s.id ?? `new-${i}`} className="assessment-row" aria-label={`Signal ${i + 1}`}>
                <legend>Signal {i + 1}</legend>
                <div className="editor-field">
                  <label htmlFor={`f-signal-${i}`}>Signal</label>
                  <input id={`f-signal-${i}`} type="text" maxLength={300} value={s.statement} onChange={(ev) => setSignal(i, { statement: ev.target.value })} {...inv(`${k}.statement`)} />
                  <Err id={`e-assessment-${k}.statement`} message={err(`${k}.statement`)} />
                </div>
                <div className="editor-field">
                  <label htmlFor={`f-indicator-${i}`}>Indicator</label>
                  <input id={`f-indicator-${i}`} type="text" maxLength={300} value={s.indicator} onChange={(ev) => setSignal(i, { indicator: ev.target.value })} {...inv(`${k}.indicator`)} />
                  <Err id={`e-assessment-${k}.indicator`} message={err(`${k}.indicator`)} />
                </div>
                <div className="editor-field">
                  <label htmlFor={`f-signal-status-${i}`}>Signal status</label>
                  <select id={`f-signal-status-${i}`} value={String(s.status)} onChange={(ev) => setSignal(i, { status: ev.target.value as SignalRow["status"] })}>
                    {SIGNAL_STATUSES.map((st) => (
                      <option key={st} value={st}>
                        {statusLabel(st)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="button" className="button secondary" onClick={() => update({ ...a, signals: a.signals.filter((_, j) => j !== i) })}>
                  Remove signal {i + 1}
                </button>
              </fieldset>
            );
          })}
          {a.signals.length < 10 ? (
            <button type="button" className="button secondary" onClick={() => update({ ...a, signals: [...a.signals, { statement: "", indicator: "", status: "watching" }] })}>
              Add a signal
            </button>
          ) : null}
          {preview ? (
            <section className="assessment-preview" aria-label="Risk card preview">
              <h3 className="section-title">Risk card preview</h3>
              <p className="kicker">Anonymous reader</p>
              <RiskCard risk={preview.anonymous} />
              <p className="kicker">Subscriber</p>
              <RiskCard risk={preview.subscriber} />
            </section>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
