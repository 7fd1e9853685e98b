import Link from "next/link";
import { authorHref } from "@/lib/site";

/** "By Mara Ellison", linked to the author's page when they have one. */
export function Byline({ name, slug }: { name: string; slug: string | null }) {
  return <>By {slug ? <Link href={authorHref(slug)}>{name}</Link> : name}</>;
}
