import type { MetadataRoute } from "next";
import { siteConfig } from "@/lib/env";

// The web app manifest: the site's name and its icons (app/icon.svg, the PNGs in public/).
export default function manifest(): MetadataRoute.Manifest {
  const site = siteConfig();
  return {
    name: site.name,
    short_name: site.name,
    description: site.tagline,
    start_url: "/",
    display: "browser",
    background_color: "#fbfaf7",
    theme_color: "#7a1f1f",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
