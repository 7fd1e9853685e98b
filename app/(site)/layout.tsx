import { Masthead } from "@/components/site/masthead";
import { SiteFooter } from "@/components/site/site-footer";
import { tagPage } from "@/lib/cache/page-tags";
import { CATEGORIES_TAG } from "@/lib/cache/tags";
import { listCategories } from "@/lib/pieces/queries";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [categories] = await Promise.all([listCategories(), tagPage(CATEGORIES_TAG)]);
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Masthead categories={categories} />
      <main id="content">{children}</main>
      <SiteFooter />
    </>
  );
}
