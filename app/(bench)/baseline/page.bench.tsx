import type { Metadata } from "next";

// A benchmark reference: fully static, no data access, no (site) layout. Its throughput is
// what serving a prerendered page costs, so other pages can be compared against it.
export const dynamic = "force-static";

export const metadata: Metadata = {
  title: "Baseline",
  robots: { index: false },
};

export default function BaselinePage() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>A static page with no data access, used as the reference point for the page benchmark.</p>
    </main>
  );
}
