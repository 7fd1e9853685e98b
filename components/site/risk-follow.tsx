import type { FollowKind } from "@/lib/risk/follows";
import type { RiskForViewer } from "@/lib/risk/types";

/**
 * Follow buttons under a piece's risk card, for a signed-in reader only (the anonymous, cached
 * page never has them): the piece, its vectors and, for readers who see who is exposed, its
 * sectors and regions. Each is a small form posting to the follow action, back to the piece.
 */
export interface FollowControls {
  pieceId: string;
  slug: string;
  /** `kind:target` of everything the reader follows. */
  followed: Set<string>;
  followAct: (form: FormData) => Promise<void>;
  unfollowAct: (form: FormData) => Promise<void>;
}

interface Option {
  kind: FollowKind;
  target: string;
  name: string;
}

function optionsOf(risk: RiskForViewer, pieceId: string): Option[] {
  if (risk.kind === "none") return [];
  const piece: Option = { kind: "piece", target: pieceId, name: "this piece" };
  if (risk.kind === "hook") return [piece, ...risk.hook.vectors.map((v): Option => ({ kind: "vector", target: v.slug, name: v.name }))];
  const a = risk.assessment;
  return [
    piece,
    ...a.vectors.map((v): Option => ({ kind: "vector", target: v.slug, name: v.name })),
    ...a.exposures.flatMap((t): Option[] => (t.kind === "sector" || t.kind === "region" ? [{ kind: t.kind, target: t.id, name: t.name }] : [])),
  ];
}

export function RiskFollow({ risk, controls }: { risk: RiskForViewer; controls: FollowControls }) {
  const options = optionsOf(risk, controls.pieceId);
  if (options.length === 0) return null;
  return (
    <div className="risk-follow" role="group" aria-labelledby="risk-follow-title">
      <p id="risk-follow-title" className="meta">
        Get an email when a signal trips:
      </p>
      <ul className="risk-follow-list">
        {options.map((o) => {
          const on = controls.followed.has(`${o.kind}:${o.target}`);
          return (
            <li key={`${o.kind}:${o.target}`}>
              <form action={on ? controls.unfollowAct : controls.followAct}>
                <input type="hidden" name="kind" value={o.kind} />
                <input type="hidden" name="target" value={o.target} />
                <input type="hidden" name="back" value={controls.slug} />
                <button type="submit" className={on ? "follow-button on" : "follow-button"} title={on ? "Select to stop following" : undefined}>
                  {on ? `Following ${o.name} ✓` : `Follow ${o.name}`}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
