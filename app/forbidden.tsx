import Link from "next/link";
import { siteConfig } from "@/lib/env";

export default function Forbidden() {
  return (
    <main className="wrap narrow not-found" id="content">
      <h1>Staff only</h1>
      <p>This part of {siteConfig().name} is for the editorial team, and your account does not have the role it needs. Ask an admin if you think it should.</p>
      <p>
        <Link className="button" href="/">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
