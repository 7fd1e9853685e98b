import { cache } from "react";
import { auth } from "@/lib/auth";
import { ANONYMOUS, viewerCategory, type Viewer, type ViewerCategory } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { viewerForUser } from "./viewer-facts";

/** The viewer of the current request (once per render). */
export const currentViewer = cache(async (): Promise<Viewer> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? viewerForUser(id) : ANONYMOUS;
});

/** What the site offers the current viewer (lib/access/rule.ts `viewerCategory`). */
export const currentViewerCategory = cache(async (): Promise<ViewerCategory> => viewerCategory(await currentViewer(), currentPolicy()));
