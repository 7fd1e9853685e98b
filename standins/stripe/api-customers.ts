/** /v1/customers: create, retrieve, update, delete, list (optionally by email). */
import { deleteCustomer } from "./billing";
import { noSuch } from "./errors";
import { applyMetadata, readNullableString, readString } from "./form-body";
import { newId } from "./ids";
import type { CustomerRecord } from "./records";
import type { ApiRoute } from "./router";
import { customerJson, deletedCustomerJson } from "./serialize";
import { paginate } from "./pagination";

export const customerRoutes: ApiRoute[] = [
  {
    method: "POST",
    pattern: "/v1/customers",
    handler: (ctx, req) => {
      const customer: CustomerRecord = {
        id: newId("cus"),
        email: readNullableString(req.body, "email") ?? null,
        name: readNullableString(req.body, "name") ?? null,
        description: readNullableString(req.body, "description") ?? null,
        phone: readNullableString(req.body, "phone") ?? null,
        metadata: applyMetadata({}, req.body),
        created: ctx.state.now(),
        deleted: false,
      };
      ctx.state.customers.set(customer.id, customer);
      return customerJson(customer);
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers",
    handler: (ctx, req) => {
      const email = readString(req.query, "email");
      const matches = [...ctx.state.customers.values()]
        .filter((c) => !c.deleted && (email === undefined || c.email === email))
        .reverse()
        .map(customerJson);
      return paginate(matches, req.query, "/v1/customers");
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:id",
    handler: (ctx, req) => customerJson(ctx.state.customer(req.params.id ?? "")),
  },
  {
    method: "POST",
    pattern: "/v1/customers/:id",
    handler: (ctx, req) => {
      const id = req.params.id ?? "";
      const customer = ctx.state.customer(id);
      if (customer.deleted) throw noSuch("customer", id);
      const email = readNullableString(req.body, "email");
      const name = readNullableString(req.body, "name");
      const description = readNullableString(req.body, "description");
      const phone = readNullableString(req.body, "phone");
      if (email !== undefined) customer.email = email;
      if (name !== undefined) customer.name = name;
      if (description !== undefined) customer.description = description;
      if (phone !== undefined) customer.phone = phone;
      customer.metadata = applyMetadata(customer.metadata, req.body);
      return customerJson(customer);
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/customers/:id",
    handler: (ctx, req) => {
      const id = req.params.id ?? "";
      const customer = ctx.state.customer(id);
      if (customer.deleted) throw noSuch("customer", id);
      deleteCustomer(ctx, customer);
      return deletedCustomerJson(id);
    },
  },
];
