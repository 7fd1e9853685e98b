import type { Metadata } from "next";
import Link from "next/link";
import { RadarCounts, RadarFilterForm, RadarSignals } from "@/components/site/risk-radar";
import { currentPolicy } from "@/lib/access/policy";
import { currentViewer } from "@/lib/auth/viewer";
import { radarForViewer } from "@/lib/pieces/radar";
import { parseRadarFilters } from "@/lib/risk/filters";
import { listTags, listVectors } from "@/lib/risk/taxonomy";
import { joinHref, joinLabel } from "@/lib/site";

// Per viewer, per request: Next answers Cache-Control private, no-store; nothing here is shared-cached.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Risk radar",
  description: "Every open signal across our risk assessments, by vector, sector, region and status.",
  alternates: { canonical: "/radar" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RadarPage({ searchParams }: Props) {
  const [raw, viewer, vectors, tags] = await Promise.all([searchParams, currentViewer(), listVectors({ include: "all" }), listTags({ include: "all" })]);
  const parsed = parseRadarFilters(raw, {
    vectors: vectors.map((v) => v.slug),
    sectors: tags.filter((t) => t.kind === "sector").map((t) => t.slug),
    regions: tags.filter((t) => t.kind === "region").map((t) => t.slug),
  });
  const filters = parsed.ok ? parsed.filters : {};
  const radar = await radarForViewer(viewer, filters, currentPolicy());
  return (
    <div className="wrap narrow">
      <h1 className="section-title">Risk radar</h1>
      <p>Every signal we are watching across our risk assessments, newest status change first.</p>
      {radar.kind === "signals" ? (
        <>
          <RadarFilterForm filters={filters} vectors={vectors} tags={tags} />
          {parsed.ok ? (
            <RadarSignals radar={radar} />
          ) : (
            <p className="notice error" role="alert">
              {parsed.error}
            </p>
          )}
        </>
      ) : (
        <>
          <h2 className="risk-subtitle">Open signals by vector</h2>
          <RadarCounts counts={radar.counts} />
          <aside className="aside-card" aria-label="Subscribe">
            <p>Subscribers see each signal, the indicator that would confirm it and every dated status change, filtered by vector, sector, region and status.</p>
            <Link href={joinHref("/radar")} className="button large">
              {joinLabel()}
            </Link>
          </aside>
        </>
      )}
    </div>
  );
}
