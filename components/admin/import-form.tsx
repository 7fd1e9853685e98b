"use client";

import { useActionState, useState } from "react";
import type { FormAction, ImportState } from "@/lib/actions/form-state";

const MAX_BYTES = 1_000_000;

export function ImportForm({ action }: { action: FormAction<ImportState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [tooBig, setTooBig] = useState<string | null>(null);
  const error = tooBig ?? state.error;
  const report = tooBig ? undefined : state.report;
  return (
    <div className="import">
      <form
        className="form"
        action={formAction}
        noValidate
        onSubmit={(e) => {
          const input = e.currentTarget.elements.namedItem("file");
          const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
          if (file && file.size > MAX_BYTES) {
            e.preventDefault();
            setTooBig(`The file is too big (${Math.ceil(file.size / 1000).toLocaleString("en-GB")} kB). The limit is 1 MB.`);
          } else {
            setTooBig(null);
          }
        }}
      >
        <label>
          CSV file
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "import-hint import-error" : "import-hint"}
          />
        </label>
        <p className="field-hint" id="import-hint">
          Columns email,name (header row optional). At most 10,000 rows and 1 MB. Addresses that already have an account are skipped.
        </p>
        {error ? (
          <p id="import-error" className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? "Importing…" : "Import members"}
          </button>
        </div>
      </form>
      {report ? (
        <section className="import-report" aria-labelledby="import-report-title">
          <h3 id="import-report-title">Import report</h3>
          <p role="status" className="notice">
            {report.rows} row{report.rows === 1 ? "" : "s"} read: <strong>{report.added} added</strong>, {report.existing} skipped (already
            members), {report.rejectedTotal} rejected.
          </p>
          {report.rejectedTotal > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Rejected rows</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Email</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.value || <span className="meta">(empty)</span>}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.rejectedTotal > report.rejected.length ? (
                <p className="meta">…and {report.rejectedTotal - report.rejected.length} more rejected rows.</p>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
