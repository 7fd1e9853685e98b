import type { ReactNode } from "react";
import "./data-table.css";

export interface Column<Row> {
  /** Column label; also the React key, so unique within a table. */
  header: string;
  /** Label only for screen readers (e.g. a column of buttons). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** The cell that names its row: rendered as <th scope="row">. */
  rowHeader?: boolean;
  numeric?: boolean;
  /** Class of the body cells of this column. */
  className?: string;
}

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: ReactNode;
  showCaption?: boolean;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: ReactNode;
  /** The whole table is for screen readers only (e.g. the numbers behind a chart). */
  hidden?: boolean;
  /** On a narrow screen each row becomes a card of "label: value" lines (the default), so no table is wider than the phone. */
  stacked?: boolean;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ") || undefined;

export function DataTable<Row>({ columns, rows, rowKey, caption, showCaption = false, empty, hidden = false, stacked = true }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className={classes("table-wrap", hidden && "visually-hidden")} data-stack={stacked ? "narrow" : undefined}>
      <table className="table">
        {caption !== undefined ? <caption className={showCaption ? "meta table-caption" : "visually-hidden"}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={classes(c.numeric && "num")}>
                {c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => {
                const className = classes(c.numeric && "num", c.className);
                return c.rowHeader ? (
                  <th key={c.header} scope="row" className={className} data-label={c.headerHidden ? undefined : c.header}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={className} data-label={c.headerHidden ? undefined : c.header}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
