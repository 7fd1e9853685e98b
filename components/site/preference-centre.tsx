import Link from "next/link";
import type { Followed, FollowKind } from "@/lib/risk/follows";
import type { MailPreferences } from "@/lib/newsletter/preferences";
import { pieceHref } from "@/lib/site";
import { ChangeButton, OneChangeAtATime } from "./one-change-at-a-time";
import "./preference-centre.css";

/**
 * The reader's preference centre on /account: which mails they get (new pieces, signal alerts)
 * and what they follow for alerts (pieces, vectors, sectors, regions). Plain forms: works
 * without JavaScript; each action sends the browser back here with a notice.
 */
type FormAct = (form: FormData) => Promise<void>;

export interface FollowChoices {
  vector: { value: string; name: string }[];
  sector: { value: string; name: string }[];
  region: { value: string; name: string }[];
}

const KIND_LABEL: Record<FollowKind, string> = { piece: "Piece", vector: "Vector", sector: "Sector", region: "Region" };

export function PreferenceCentre({
  prefs,
  followed,
  choices,
  notice,
  error,
  saveMail,
  followAct,
  unfollowAct,
}: {
  prefs: MailPreferences;
  followed: Followed[];
  choices: FollowChoices;
  notice: string | null;
  error: string | null;
  saveMail: FormAct;
  followAct: FormAct;
  unfollowAct: FormAct;
}) {
  const isFollowed = new Set(followed.map((f) => `${f.kind}:${f.target}`));
  return (
    <OneChangeAtATime>
      <section aria-labelledby="mail" className="preference-centre">
        <h2 id="mail">Email and alerts</h2>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <form className="form" action={saveMail}>
          <input type="hidden" name="newPieces" value="off" />
          <input type="hidden" name="alerts" value="off" />
          <label className="checkbox">
            <input type="checkbox" name="newPieces" value="on" defaultChecked={prefs.pieces} /> Email me new pieces
          </label>
          <label className="checkbox">
            <input type="checkbox" name="alerts" value="on" defaultChecked={prefs.alerts} /> Email me signal alerts for what I follow
          </label>
          <div>
            <ChangeButton className="button secondary">Save email preferences</ChangeButton>
          </div>
        </form>

        <h3 id="following">What you follow</h3>
        <p className="meta">When a signal to watch is marked triggered on a piece you follow, or on a piece about a vector, sector or region you follow, we email you one alert.</p>
        {followed.length === 0 ? (
          <p className="meta">You follow nothing yet.</p>
        ) : (
          <ul className="follow-list" aria-labelledby="following">
            {followed.map((f) => (
              <li key={`${f.kind}:${f.target}`}>
                <span className="follow-kind">{KIND_LABEL[f.kind]}</span>{" "}
                {f.kind === "piece" && f.slug ? <Link href={pieceHref(f.slug)}>{f.name}</Link> : <span>{f.name}</span>}
                <form action={unfollowAct} className="inline-form">
                  <input type="hidden" name="kind" value={f.kind} />
                  <input type="hidden" name="target" value={f.target} />
                  <ChangeButton className="button small secondary" aria-label={`Unfollow ${f.name}`}>
                    Unfollow
                  </ChangeButton>
                </form>
              </li>
            ))}
          </ul>
        )}
        <div className="follow-adders">
          {(["vector", "sector", "region"] as const).map((kind) => {
            const open = choices[kind].filter((c) => !isFollowed.has(`${kind}:${c.value}`));
            return (
              <form key={kind} action={followAct} className="form follow-add">
                <input type="hidden" name="kind" value={kind} />
                <label>
                  Follow a {kind}
                  <select name="target" defaultValue="" disabled={open.length === 0}>
                    <option value="" disabled>
                      {open.length === 0 ? `You follow every ${kind}` : `Choose a ${kind}`}
                    </option>
                    {open.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <div>
                  <ChangeButton className="button small secondary" disabled={open.length === 0}>
                    Follow {kind}
                  </ChangeButton>
                </div>
              </form>
            );
          })}
        </div>
      </section>
    </OneChangeAtATime>
  );
}
