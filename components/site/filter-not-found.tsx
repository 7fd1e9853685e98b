import Link from "next/link";
import { RISK_LEVELS } from "@/lib/risk/scale";

/** The answer to an archive filter that names no vector or level we know (a 404, never cached). */
export function FilterNotFound({ basePath }: { basePath: string }) {
  return (
    <div className="wrap narrow">
      <h1 className="section-title">Unknown filter</h1>
      <p role="alert">
        That filter names no vector or risk level we know. Risk levels are {RISK_LEVELS.join(", ")}; vectors are listed above the pieces.
      </p>
      <p>
        <Link href={basePath}>Show every piece</Link>
      </p>
    </div>
  );
}
