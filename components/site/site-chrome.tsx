import { Masthead } from "./masthead";
import { PaymentNotice } from "./payment-notice";
import { SessionFlash } from "./session-flash";
import { SiteFooter } from "./site-footer";
import { SESSION_FLASH_PARAM } from "@/lib/site";

/** The reader's site around a page: skip link, masthead, the viewer's notices, footer. */
export function SiteChrome({ categories, children }: { categories: { name: string; slug: string }[]; children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Masthead categories={categories} />
      <PaymentNotice />
      <SessionFlash param={SESSION_FLASH_PARAM} />
      <main id="content">{children}</main>
      <SiteFooter />
    </>
  );
}
