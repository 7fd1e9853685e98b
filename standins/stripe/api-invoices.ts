/** /v1/invoices: list (optionally by customer, newest first) and retrieve. */
import { readString } from "./form-body";
import type { ApiRoute } from "./router";
import { invoiceJson } from "./serialize";
import { paginate } from "./pagination";

export const invoiceRoutes: ApiRoute[] = [
  {
    method: "GET",
    pattern: "/v1/invoices",
    handler: (ctx, req) => {
      const customer = readString(req.query, "customer");
      const matches = [...ctx.state.invoices.values()]
        .reverse()
        .filter((i) => customer === undefined || i.customer === customer)
        .map((i) => invoiceJson(ctx, i));
      return paginate(matches, req.query, "/v1/invoices");
    },
  },
  {
    method: "GET",
    pattern: "/v1/invoices/:id",
    handler: (ctx, req) => invoiceJson(ctx, ctx.state.invoice(req.params.id ?? "")),
  },
];
