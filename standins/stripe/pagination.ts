/** Stripe-style list pagination: limit (1–100, default 10), starting_after, ending_before. */
import { invalidParam } from "./errors";
import { readInteger, readString, type FormObject } from "./form-body";
import type { JsonObject } from "./json";
import { listJson } from "./serialize";

/** `items` must already be newest first, as Stripe lists are. */
export function paginate(items: JsonObject[], query: FormObject, url: string): JsonObject {
  const limit = readInteger(query, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidParam("Invalid integer: limit must be between 1 and 100", "limit");
  const startingAfter = readString(query, "starting_after");
  const endingBefore = readString(query, "ending_before");
  let start = 0;
  let end = items.length;
  if (startingAfter) {
    const index = items.findIndex((item) => item.id === startingAfter);
    if (index < 0) throw invalidParam(`No such object: '${startingAfter}'`, "starting_after", "resource_missing");
    start = index + 1;
  } else if (endingBefore) {
    const index = items.findIndex((item) => item.id === endingBefore);
    if (index < 0) throw invalidParam(`No such object: '${endingBefore}'`, "ending_before", "resource_missing");
    end = index;
    start = Math.max(0, end - limit);
  }
  const page = items.slice(start, Math.min(end, start + limit));
  const hasMore = endingBefore && !startingAfter ? start > 0 : start + limit < end;
  return listJson(url, page, hasMore);
}
