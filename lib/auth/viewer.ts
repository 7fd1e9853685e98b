import { cache } from "react";
import { cookies } from "next/headers";
import { auth } from "@/lib/auth";
import { ANONYMOUS, viewerCategory, type Viewer, type ViewerCategory } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { sessionTokenIn } from "./session-cookie";
import { viewerForSessionToken, viewerForUser } from "./viewer-facts";

/** The viewer of the current request (once per render). */
export const currentViewer = cache(async (): Promise<Viewer> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? viewerForUser(id) : ANONYMOUS;
});

/**
 * The viewer of a reading page, in one query: the session row Auth.js keeps (strategy "database")
 * is checked together with the facts the access rule needs, and renewed as Auth.js would.
 */
export const currentReader = cache(async (): Promise<Viewer> => {
  const token = await currentSessionToken();
  return token ? viewerForSessionToken(token) : ANONYMOUS;
});

/** The Auth.js session cookie's value, unchecked: lib/auth/viewer-facts.ts checks it against the sessions table. */
export async function currentSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return sessionTokenIn((name) => jar.get(name)?.value);
}

/** What the site offers the current viewer (lib/access/rule.ts `viewerCategory`). */
export const currentViewerCategory = cache(async (): Promise<ViewerCategory> => viewerCategory(await currentReader(), currentPolicy()));
