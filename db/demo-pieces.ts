import type { NewPiece } from "./schema";

/** Demo content: invented reports and our own analysis of them, in the shape of a real piece. */
type DemoPiece = Omit<NewPiece, "id" | "status" | "createdAt" | "updatedAt">;

export const DEMO_PIECES: DemoPiece[] = [
  {
    slug: "port-automation-strike-baltic",
    category: "Geopolitics",
    visibility: "paid",
    publishAt: new Date("2026-11-20T07:00:00Z"),
    authorName: "Mara Ellison",
    headline: "A dockworkers' strike is really a fight over who controls the Baltic's chokepoints",
    sourceOutlet: "The Harbour Ledger",
    sourceTagline: "Shipping news from the northern ports",
    sourceCategory: "Labour",
    sourceHeadline: "Dockworkers walk out as three Baltic ports switch on automated cranes",
    sourceBody:
      "Unions at three Baltic container terminals began an open-ended strike on Wednesday after operators activated remotely controlled cranes supplied by a foreign consortium. Port authorities said cargo would be rerouted to neighbouring terminals while talks continue.",
    sourcePublishedAt: new Date("2026-11-18T09:30:00Z"),
    sourceUrl: "https://example.com/harbour-ledger/baltic-crane-strike",
    teaser:
      "The coverage frames this as automation against jobs, but the sharper issue is **who holds the remote controls**. Cranes operated from abroad turn a labour dispute into a question of strategic dependency on the ports that supply NATO's northern flank. Expect ministries, not unions, to decide how this ends. Read the full analysis for what it means for shipping insurers and for the region's defence logistics.",
    analysis:
      "Remote crane operation means the software, the telemetry and, in a crisis, the off switch sit with the vendor's operations centre. Three terminals that together handle a large share of the region's container traffic now depend on a supplier whose home government is not an ally. That is a supply-chain exposure the strikers did not set out to highlight, but it is the one defence planners will read into this week.\n\nInsurers have already noticed. War-risk and business-interruption underwriters price chokepoints by how quickly they can be shut. A port that can be idled remotely, by a contract dispute or a cyber incident, is a port whose premiums move up, and those costs pass through to every importer on the route.\n\nWatch for two signals: an emergency review of foreign-controlled operational technology at critical ports, and a quiet push to restore local manual override. If both arrive, the strike will have won on paper while the real settlement is written in procurement rules.",
    ctaPitch: "See every risk vector scored, who is exposed, and the signals that will tell you which way this breaks.",
    ctaButton: "Join ESM Insight →",
  },
  {
    slug: "lithium-price-floor-andes",
    category: "Markets",
    visibility: "paid",
    publishAt: new Date("2026-11-17T07:00:00Z"),
    authorName: "Tomás Ferreira",
    headline: "An Andean lithium price floor is a bet that buyers have nowhere else to go",
    sourceOutlet: "Andes Commodity Wire",
    sourceTagline: "Metals and mining, from the salt flats up",
    sourceCategory: "Commodities",
    sourceHeadline: "Two lithium producers agree on a minimum export price for brine lithium",
    sourceBody:
      "Trade ministers from two South American producers announced a coordinated minimum export price for lithium carbonate, citing years of volatile prices. Battery makers said they were studying the announcement.",
    sourcePublishedAt: new Date("2026-11-14T15:00:00Z"),
    sourceUrl: "https://example.com/andes-wire/lithium-price-floor",
    teaser:
      "The announcement reads like a commodity story, yet its real target is **the battery supply contracts signed for 2028 and beyond**. A floor only holds if buyers cannot substitute, and the next eighteen months will test exactly that. Read the full analysis to see which buyers are exposed and which ones just gained leverage.",
    analysis:
      "Price floors in commodities tend to fail for one of two reasons: members cheat, or buyers find a substitute. Brine lithium has an unusual defence against the first, because extraction is slow to scale, but it is exposed to the second. Hard-rock producers elsewhere and sodium-ion chemistries for cheaper vehicles both become more attractive the moment the floor bites.\n\nThe exposed buyers are mid-sized cell makers without long-term offtake agreements. They buy on the spot market and will pay the floor immediately. The large manufacturers with fixed contracts are insulated until renewal, and can use the floor as an argument for vertical integration into refining.\n\nThe signal to watch is the first renegotiated offtake contract. If it settles above the floor without a volume discount, the cartel has pricing power. If it settles with a chemistry-switch clause, buyers are already planning their exit.",
    ctaPitch: "See the exposure map for battery makers and the contracts most at risk.",
    ctaButton: "Join ESM Insight →",
  },
  {
    slug: "satellite-spectrum-auction-delay",
    category: "Technology",
    visibility: "public",
    publishAt: new Date("2026-11-12T07:00:00Z"),
    authorName: "Priya Natarajan",
    headline: "A delayed spectrum auction hands incumbents two more years",
    sourceOutlet: "Signal & Orbit",
    sourceTagline: "The business of the airwaves",
    sourceCategory: "Telecoms",
    sourceHeadline: "Regulator postpones upper mid-band spectrum auction to 2028",
    sourceBody:
      "The national communications regulator said it would delay the auction of upper mid-band frequencies to resolve interference concerns raised by satellite operators. Mobile carriers expressed disappointment.",
    sourcePublishedAt: new Date("2026-11-10T12:00:00Z"),
    sourceUrl: "https://example.com/signal-orbit/spectrum-delay",
    teaser:
      "A two-year delay sounds procedural. In practice it protects the carriers that already hold spectrum and penalises the challengers that planned fixed-wireless launches around this auction. This piece is free to read: it is our open example of how we read a regulatory notice.",
    analysis:
      "Challengers had built business plans on acquiring mid-band capacity at auction and launching home broadband over it. Without it they must lease capacity from incumbents, who now have every reason to price that lease high.\n\nSatellite operators won this round by framing interference as a safety issue. Expect them to use the same argument in other markets, turning spectrum policy into a contest between orbital and terrestrial networks.\n\nThe practical question for investors is whether any challenger can survive two years on leased capacity. Watch for consolidation announcements before the auction date is confirmed.",
    ctaPitch: "Every paid piece comes with the full risk breakdown. This one is on us.",
    ctaButton: "Join ESM Insight →",
  },
  {
    slug: "sovereign-cloud-procurement-rules",
    category: "Technology",
    visibility: "members",
    publishAt: new Date("2026-11-08T07:00:00Z"),
    authorName: "Priya Natarajan",
    headline: "Sovereign-cloud rules will be written by whoever owns the data centres",
    sourceOutlet: "The Procurement Review",
    sourceTagline: "Where public money meets technology",
    sourceCategory: "Policy",
    sourceHeadline: "Government proposes local-ownership test for cloud contracts",
    sourceBody:
      "A draft procurement rule would require cloud providers serving ministries to be majority-owned by domestic investors or to operate through a domestic joint venture. Industry groups have sixty days to respond.",
    sourcePublishedAt: new Date("2026-11-05T10:00:00Z"),
    sourceUrl: "https://example.com/procurement-review/sovereign-cloud",
    teaser:
      "The draft looks like a rule about ownership. Its effect will be a rule about *who operates the hardware*, and a handful of local data-centre owners are positioned to become the gatekeepers of public-sector computing. Sign in free to read the members' analysis.",
    analysis:
      "Joint-venture structures have been used before to satisfy ownership tests while leaving technology and operations with the foreign partner. The difference this time is the physical layer: the draft counts where the servers sit and who holds the keys to the building.\n\nThat favours domestic data-centre landlords, who can offer compliance as a service to every foreign provider at once. Their margins rise with every contract the rule touches.\n\nWatch the comment period for a carve-out for encryption-key custody. If it appears, the rule becomes far less disruptive than the headline suggests.",
    ctaPitch: "Members read these analyses free. Paid subscribers get every piece in full.",
    ctaButton: "Join ESM Insight →",
  },
  {
    slug: "fertiliser-export-quota-harvest",
    category: "Markets",
    visibility: "paid",
    publishAt: new Date("2026-11-04T07:00:00Z"),
    authorName: "Tomás Ferreira",
    headline: "A fertiliser export quota is a harvest problem for somebody else next spring",
    sourceOutlet: "Agri Markets Daily",
    sourceTagline: "Grain, inputs and the weather",
    sourceCategory: "Agriculture",
    sourceHeadline: "Major producer caps nitrogen fertiliser exports through March",
    sourceBody:
      "One of the world's largest nitrogen fertiliser exporters introduced a quota on outbound shipments until the end of March, saying domestic farmers must be supplied first ahead of planting.",
    sourcePublishedAt: new Date("2026-11-01T08:00:00Z"),
    sourceUrl: "https://example.com/agri-markets/fertiliser-quota",
    teaser:
      "Export quotas on fertiliser rarely make front pages in November. They show up in food prices the following autumn, after farmers in importing countries have already cut their application rates. Read the full analysis for the importers most exposed and the crops where yields will move first.",
    analysis:
      "Nitrogen is applied before planting, so a winter shortage is a spring decision. Farmers facing higher prices apply less, and the yield effect appears months later, long after the quota has been forgotten.\n\nThe most exposed importers are those with thin domestic production and public budgets already strained by subsidy programmes. They face a choice between paying the premium and accepting lower harvests.\n\nWatch maize and rice planting intentions in the importing regions in February. A drop in planned application rates is the earliest hard signal that next year's food inflation is already locked in.",
    ctaPitch: "Get the importer exposure table and our crop-by-crop yield outlook.",
    ctaButton: "Join ESM Insight →",
  },
  {
    slug: "central-bank-digital-ledger-pilot",
    category: "Geopolitics",
    visibility: "paid",
    publishAt: new Date("2026-10-30T07:00:00Z"),
    authorName: "Mara Ellison",
    headline: "A cross-border payments pilot is a quiet test of sanctions resilience",
    sourceOutlet: "Ledger & Policy",
    sourceTagline: "Money, code and the state",
    sourceCategory: "Finance",
    sourceHeadline: "Four central banks complete first settlement on shared ledger",
    sourceBody:
      "Four central banks announced the first successful settlement of wholesale payments on a shared distributed ledger, describing the project as a technical experiment to reduce the cost of cross-border transfers.",
    sourcePublishedAt: new Date("2026-10-28T14:00:00Z"),
    sourceUrl: "https://example.com/ledger-policy/cbdc-pilot",
    teaser:
      "Cheaper transfers are the stated goal. The more consequential result is a payment rail that does not pass through the correspondent banks on which most financial sanctions depend. Read the full analysis for why this pilot matters more to foreign ministries than to treasurers.",
    analysis:
      "Financial sanctions work because most cross-border payments clear through a small number of correspondent banks subject to a few jurisdictions. A functioning alternative rail, even a small one, reduces that leverage at the margin.\n\nThe pilot's participants have been careful to describe it as technical. But the governance choices they make now, especially over who can join and who can be excluded, will determine whether it becomes a compliance tool or a way around one.\n\nThe signal to watch is membership. If the next participants include economies currently under partial sanctions, the experiment has changed category.",
    ctaPitch: "Get the sanctions-exposure assessment and the membership scenarios we are tracking.",
    ctaButton: "Join ESM Insight →",
  },
];
