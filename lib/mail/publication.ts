import "server-only";
import { config } from "@/lib/env";

/** The publication as every mail's masthead and footer show it: the configured name and tagline, linked to the site. */
export function mailPublication(): { name: string; tagline: string; url: string } {
  const cfg = config();
  return { name: cfg.publication.name, tagline: cfg.publication.tagline, url: cfg.appUrl };
}
