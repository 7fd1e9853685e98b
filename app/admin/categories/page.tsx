import type { Metadata } from "next";
import Link from "next/link";
import { CategoryForm, CategoryMergeForm } from "@/components/admin/category-form";
import { requireAdmin } from "@/lib/auth/guards";
import { listCategoriesForAdmin } from "@/lib/categories/admin";
import { formatNumber } from "@/lib/format";
import { categoryHref } from "@/lib/site";
import { addCategoryAction, editCategoryAction, mergeCategoryAction } from "./actions";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Categories", robots: { index: false } };

export default async function CategoriesPage() {
  await requireAdmin("/admin/categories");
  const list = await listCategoriesForAdmin();
  return (
    <div className="wrap admin-page">
      <h1>Categories</h1>
      <p className="meta">
        The sections pieces are filed under, as the editor offers them. A category appears in the site&apos;s navigation once it has a published
        piece; its description shows on its page. Renaming moves its address (the old one redirects); merging moves every piece into another
        category.
      </p>
      <section className="admin-section" aria-labelledby="new-category">
        <h2 id="new-category" className="admin-section-title">
          New category
        </h2>
        <CategoryForm action={addCategoryAction} submitLabel="Add category" pendingLabel="Adding…" />
      </section>
      <section className="admin-section" aria-labelledby="all-categories">
        <h2 id="all-categories" className="admin-section-title">
          All categories
        </h2>
        {list.length === 0 ? <p>No category yet: add the first above.</p> : null}
        <ul className="category-list">
          {list.map((c) => (
            <li key={c.id} className="category-card" aria-labelledby={`cat-${c.id}`}>
              <h3 id={`cat-${c.id}`}>
                <Link href={categoryHref(c.slug)} prefetch={false}>
                  {c.name}
                </Link>
              </h3>
              <p className="meta">
                <code>{categoryHref(c.slug)}</code> · {formatNumber(c.pieces)} {c.pieces === 1 ? "piece" : "pieces"}
              </p>
              <CategoryForm action={editCategoryAction} id={c.id} name={c.name} description={c.description} submitLabel="Save" pendingLabel="Saving…" />
              <CategoryMergeForm action={mergeCategoryAction} id={c.id} name={c.name} others={list.filter((o) => o.id !== c.id).map((o) => ({ id: o.id, name: o.name }))} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
