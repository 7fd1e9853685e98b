"use client";

import { useActionState } from "react";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import type { RiskSignal } from "@/lib/risk/types";
import { SIGNAL_STATUSES, statusLabel } from "@/lib/risk/scale";
import { InlineOutcome } from "@/components/ui/form-outcome";

type State = FormState;
type Action = FormAction;

function SignalStatusForm({ signal, n, action }: { signal: RiskSignal; n: number; action: Action }) {
  const [state, run, pending] = useActionState<State, FormData>(action, {});
  return (
    <form action={run} className="form signal-status-form" aria-label={`Signal ${n}`}>
      <input type="hidden" name="signalId" value={signal.id} />
      <p>
        <strong>Signal {n}:</strong> {signal.statement} <span className={`risk-status status-${signal.status}`}>{statusLabel(signal.status)}</span>
      </p>
      <div className="editor-field">
        <label htmlFor={`s-status-${signal.id}`}>New status</label>
        <select id={`s-status-${signal.id}`} name="status" defaultValue={signal.status}>
          {SIGNAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="editor-field">
        <label htmlFor={`s-note-${signal.id}`}>Note</label>
        <input id={`s-note-${signal.id}`} name="note" type="text" maxLength={280} required aria-describedby={state.error ? `s-err-${signal.id}` : undefined} />
      </div>
      <button className="button secondary" type="submit" disabled={pending}>
        Update signal {n}
      </button>
      <InlineOutcome state={state} errorId={`s-err-${signal.id}`} />
    </form>
  );
}

/** Published pieces: change a signal's status with a dated note, without republishing. */
export function SignalStatusPanel({ signals, action }: { pieceId: string; signals: RiskSignal[]; action: Action }) {
  return (
    <section className="notice" aria-label="Signals">
      <h2 className="section-title">Signals since publication</h2>
      {signals.map((s, i) => (
        <SignalStatusForm key={s.id} signal={s} n={i + 1} action={action} />
      ))}
    </section>
  );
}
