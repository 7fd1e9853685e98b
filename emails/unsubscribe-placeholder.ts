/**
 * Where a newsletter mail's unsubscribe link goes: rendered once per variant with this in its
 * place, then substituted per recipient. No React here, so a sending worker can import it.
 */
export const UNSUBSCRIBE_PLACEHOLDER = "{{{UNSUBSCRIBE_URL}}}";
