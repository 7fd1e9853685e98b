import { cache } from "react";
import { auth } from "@/lib/auth";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";
import { viewerForUser } from "./viewer-facts";

/** The viewer of the current request (once per render). */
export const currentViewer = cache(async (): Promise<Viewer> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? viewerForUser(id) : ANONYMOUS;
});
