import { notFound } from "next/navigation";

// Any address no route claims lands here, so its 404 is rendered at request time (with the latest
// pieces) rather than served from the build's prerendered fallback; nothing is cached for it.
export const dynamic = "force-dynamic";

export default function UnknownPage(): never {
  notFound();
}
