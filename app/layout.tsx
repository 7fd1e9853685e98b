import type { Metadata, Viewport } from "next";
import { siteConfig } from "@/lib/env";
import { joinLabel } from "@/lib/site";
import { PublicationProvider } from "@/components/site/publication-context";
import "./globals.css";

export function generateMetadata(): Metadata {
  const site = siteConfig();
  return {
    metadataBase: new URL(site.appUrl),
    title: { default: `${site.name}: ${site.tagline}`, template: `%s · ${site.name}` },
    description: `${site.name}: ${site.tagline}. Risk analysis of the news, for people who need to know what happens next.`,
    alternates: { types: { "application/rss+xml": "/feed.xml" } },
    openGraph: { siteName: site.name, type: "website" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#121212" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const { name } = siteConfig();
  return (
    <html lang="en">
      <body>
        <PublicationProvider value={{ name, joinLabel: joinLabel(name) }}>{children}</PublicationProvider>
      </body>
    </html>
  );
}
