import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { DataTable, type Column } from "./data-table";
import { Notice } from "./notice";

interface Person {
  id: string;
  email: string;
  visits: number;
}

const columns: Column<Person>[] = [
  { header: "Email", rowHeader: true, cell: (p) => p.email },
  { header: "Visits", numeric: true, cell: (p) => p.visits },
  { header: "Actions", headerHidden: true, className: "break", cell: () => "—" },
];
const people: Person[] = [
  { id: "a", email: "a@example.com", visits: 3 },
  { id: "b", email: "b@example.com", visits: 12 },
];

describe("DataTable", () => {
  it("draws a semantic table inside the scrolling wrapper, each cell labelled for the stacked phone layout", () => {
    const html = renderToStaticMarkup(<DataTable caption="People" columns={columns} rows={people} rowKey={(p) => p.id} />);
    expect(html).toMatch(/^<div class="table-wrap" data-stack="narrow"><table class="table"><caption class="visually-hidden">People<\/caption><thead>/);
    expect(html).toContain('<th scope="col">Email</th><th scope="col" class="num">Visits</th>');
    expect(html).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(html).toContain('<tr><th scope="row" data-label="Email">a@example.com</th><td class="num" data-label="Visits">3</td><td class="break">—</td></tr>');
  });

  it("keeps the table shape on a phone when asked (stacked={false})", () => {
    expect(renderToStaticMarkup(<DataTable stacked={false} columns={columns} rows={people} rowKey={(p) => p.id} />)).toMatch(/^<div class="table-wrap"><table/);
  });

  it("shows a visible caption when asked, and hides the whole table when asked", () => {
    expect(
      renderToStaticMarkup(<DataTable caption="2 people" showCaption columns={columns} rows={people} rowKey={(p) => p.id} />),
    ).toContain('<caption class="meta table-caption">2 people</caption>');
    expect(renderToStaticMarkup(<DataTable hidden columns={columns} rows={people} rowKey={(p) => p.id} />)).toMatch(
      /^<div class="table-wrap visually-hidden" data-stack="narrow"><table class="table"><thead>/,
    );
  });

  it("shows the empty message instead of a table, or an empty table without one", () => {
    const empty = <Notice tone="info">Nobody yet.</Notice>;
    expect(renderToStaticMarkup(<DataTable columns={columns} rows={[]} rowKey={(p) => p.id} empty={empty} />)).toBe(
      '<p class="notice">Nobody yet.</p>',
    );
    expect(renderToStaticMarkup(<DataTable columns={columns} rows={[]} rowKey={(p) => p.id} />)).toContain("<tbody></tbody>");
  });
});

describe("Notice", () => {
  it("is a status, an alert or a plain note", () => {
    expect(renderToStaticMarkup(<Notice>Saved.</Notice>)).toBe('<p class="notice" role="status">Saved.</p>');
    expect(
      renderToStaticMarkup(
        <Notice tone="error" id="x-error">
          Failed.
        </Notice>,
      ),
    ).toBe('<p id="x-error" class="notice error" role="alert">Failed.</p>');
  });
});
