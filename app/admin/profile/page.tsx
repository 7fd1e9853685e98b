import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { readStaffProfile } from "@/lib/staff/profiles";
import { ProfileForm } from "@/components/admin/profile-form";
import { authorHref } from "@/lib/site";
import { saveProfileAction } from "./actions";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile", robots: { index: false } };

const Query = z.object({ user: z.uuid().optional().catch(undefined) });

/** Your own profile; an admin opens anyone's with ?user=<id>. */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff("/admin/profile");
  const { user } = Query.parse(await searchParams);
  const userId = user ?? staff.userId;
  if (userId !== staff.userId && staff.role !== "admin") forbidden();
  const profile = await readStaffProfile(userId);
  if (!profile) notFound();
  return (
    <div className="wrap admin-page narrow">
      <h1>{userId === staff.userId ? "Your profile" : `Profile of ${profile.email}`}</h1>
      <p className="meta">
        Readers see this on your bylines and on your author page
        {profile.slug ? (
          <>
            {" "}
            (<Link href={authorHref(profile.slug)}>{authorHref(profile.slug)}</Link>)
          </>
        ) : null}
        .
      </p>
      <ProfileForm action={saveProfileAction} initial={{ userId, displayName: profile.displayName, bio: profile.bio, photoUrl: profile.photoUrl ?? "" }} />
    </div>
  );
}
