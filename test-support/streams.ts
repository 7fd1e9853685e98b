/** Reads a streamed export to one string (small lists only). */
export async function collectText(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}
