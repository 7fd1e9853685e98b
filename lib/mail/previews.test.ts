/** The staff area's mail previews show what is sent: the configured publication and links made from APP_URL, never the sample site. */
import { describe, expect, it } from "vitest";
import { config } from "@/lib/env";
import { EMAIL_PREVIEWS } from "./previews";

describe("email previews", () => {
  it.each(Object.keys(EMAIL_PREVIEWS) as (keyof typeof EMAIL_PREVIEWS)[])("%s uses the configured branding and links", async (id) => {
    const mail = await EMAIL_PREVIEWS[id].render();
    for (const part of [mail.html, mail.text]) {
      expect(part).not.toContain("esm-insight.example");
      expect(part).toContain(config().publication.name);
      expect(part).toContain(config().appUrl);
    }
  });

  it("links the sample piece and its join button the way a send does", async () => {
    const teaser = await EMAIL_PREVIEWS["new-piece-teaser"].render();
    expect(teaser.html).toContain(`${config().appUrl}/p/export-licence-chip-risk`);
    expect(teaser.html).toContain(`${config().appUrl}/join?next=${encodeURIComponent("/p/export-licence-chip-risk")}`);
    expect(teaser.text).toContain("By Priya Natarajan");
  });
});
