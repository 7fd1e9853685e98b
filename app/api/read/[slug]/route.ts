import { currentSessionToken } from "@/lib/auth/viewer";
import { READER_EDITION_HEADERS, readerEditionAnswer } from "@/lib/pieces/reader-edition-answer";

export const dynamic = "force-dynamic";

/** The viewer's part of /p/<slug> (components/site/reader-edition.tsx). Never cached. npm start's front answers it first (lib/pieces/reader-edition-answer.ts). */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const answer = await readerEditionAnswer(slug, await currentSessionToken());
  return Response.json(answer.body, { status: answer.status, headers: READER_EDITION_HEADERS });
}
