import { requireStaff } from "@/lib/auth/guards";
import { csvResponse } from "@/lib/http/csv-response";
import { pieceStatsCsv } from "@/lib/numbers/csv";
import { pieceStats } from "@/lib/numbers/piece-stats";

export const dynamic = "force-dynamic";

/** Each published piece's numbers as CSV. Staff only. */
export async function GET(): Promise<Response> {
  await requireStaff("/admin/numbers");
  return csvResponse(pieceStatsCsv(await pieceStats({ limit: 10_000 })), "pieces.csv");
}
