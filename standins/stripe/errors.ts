/** Errors rendered in Stripe's shape: `{ error: { type, message, param, code } }`. */
export type StripeErrorType = "invalid_request_error" | "idempotency_error" | "api_error";

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: StripeErrorType = "invalid_request_error",
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "StripeApiError";
  }

  toJson(): { error: { type: string; message: string; param: string | null; code: string | null } } {
    return { error: { type: this.type, message: this.message, param: this.param, code: this.code } };
  }
}

/** 404 for an id that does not exist, worded like Stripe ("No such customer: 'cus_x'"). */
export function noSuch(resource: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, `No such ${resource}: '${id}'`, "invalid_request_error", param, "resource_missing");
}

/** 400 for a bad or missing parameter. */
export function invalidParam(
  message: string,
  param: string | null,
  code: string | null = "parameter_invalid",
): StripeApiError {
  return new StripeApiError(400, message, "invalid_request_error", param, code);
}

export function missingParam(param: string): StripeApiError {
  return invalidParam(`Missing required param: ${param}.`, param, "parameter_missing");
}
