/**
 * The confirm button of /unsubscribe: a plain form POST to the one-click endpoint (works
 * without JavaScript; the endpoint sends the browser back to the page).
 */
export function UnsubscribeForm({ token }: { token: string }) {
  return (
    <form className="form" method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}`}>
      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
      <input type="hidden" name="from" value="page" />
      <div>
        <button className="button large" type="submit">
          Unsubscribe
        </button>
      </div>
    </form>
  );
}
