/** Thrown when a batch's claim passed to another worker: the new holder replays the batch. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}
