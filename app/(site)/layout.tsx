import { SiteChrome } from "@/components/site/site-chrome";
import { tagPage } from "@/lib/cache/page-tags";
import { CATEGORIES_TAG } from "@/lib/cache/tags";
import { listCategories } from "@/lib/pieces/queries";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [categories] = await Promise.all([listCategories(), tagPage(CATEGORIES_TAG)]);
  return <SiteChrome categories={categories}>{children}</SiteChrome>;
}
