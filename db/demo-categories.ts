/** The demo's managed categories: every demo piece names one of them. */
export const DEMO_CATEGORIES = [
  { slug: "geopolitics", name: "Geopolitics", description: "States, alliances and the rules they bargain over." },
  { slug: "markets", name: "Markets", description: "Prices, flows and what they are telling us early." },
  { slug: "technology", name: "Technology", description: "Chips, platforms and the policy wrapped around them." },
] as const;
