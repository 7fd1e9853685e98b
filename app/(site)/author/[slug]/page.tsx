import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { TeaserCard } from "@/components/site/teaser-card";
import { tagPage } from "@/lib/cache/page-tags";
import { authorTag } from "@/lib/cache/tags";
import { findAuthor } from "@/lib/pieces/authors";
import { listPublished } from "@/lib/pieces/queries";
import { authorHref } from "@/lib/site";
import "./author.css";

// Cached like the category pages: dropped by the author's tag when the profile or one of their pieces changes.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await findAuthor((await params).slug);
  if (!author) return { title: "Not found" };
  return { title: author.displayName, description: author.bio || `Analysis by ${author.displayName}.`, alternates: { canonical: authorHref(author.slug) } };
}

export default async function AuthorPage({ params }: Props) {
  const { slug } = await params;
  const author = await findAuthor(slug);
  if (!author) notFound();
  await tagPage(authorTag(author.slug));
  const result = await listPublished({ page: 1, pageSize: 50, authorId: author.userId });
  return (
    <div className="wrap narrow">
      <header className="author-head">
        {author.photoUrl ? <Image className="author-photo" src={author.photoUrl} alt="" width={72} height={72} unoptimized /> : null}
        <div>
          <h1 className="section-title">{author.displayName}</h1>
          {author.bio ? <p className="author-bio">{author.bio}</p> : null}
        </div>
      </header>
      {result.items.length === 0 ? (
        <p className="meta">No published pieces yet.</p>
      ) : (
        <ul className="teaser-list" aria-label={`Pieces by ${author.displayName}`}>
          {result.items.map((p) => (
            <TeaserCard key={p.id} piece={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
