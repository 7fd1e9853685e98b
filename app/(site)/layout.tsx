import { Masthead } from "@/components/site/masthead";
import { SiteFooter } from "@/components/site/site-footer";
import { listCategories } from "@/lib/pieces/queries";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const categories = await listCategories();
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
