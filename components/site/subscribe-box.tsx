import Link from "next/link";
import { siteConfig } from "@/lib/env";
import { joinHref, joinLabel } from "@/lib/site";
import { ViewerSwitch } from "./viewer-switch";

/**
 * "Read past the headline": the subscribe prompt of the home aside and of the end of every piece.
 * Anonymous readers are asked to join, free members to subscribe; subscribers see nothing.
 */
export function SubscribeBox({ next }: { next?: string }) {
  const site = siteConfig();
  const box = (button: string) => (
    <aside className="aside-card subscribe-box" aria-label="Subscribe">
      <h2>Read past the headline.</h2>
      <p>
        {site.name} subscribers get the full risk analysis behind every story: what the coverage misses, who is exposed,
        and the signals to watch next.
      </p>
      <Link href={joinHref(next)} className="button large">
        {button}
      </Link>
    </aside>
  );
  return <ViewerSwitch anonymous={box(joinLabel(site.name))} free={box("Subscribe →")} />;
}
