/** A plain GET form to /search (works without JavaScript). */
export function SearchForm({ label = "Search the analysis" }: { label?: string }) {
  return (
    <form className="search-form" action="/search" method="get" role="search">
      <label className="visually-hidden" htmlFor="search-q">
        {label}
      </label>
      <input id="search-q" name="q" type="search" placeholder="Search headlines and teasers" required maxLength={200} />
      <button className="button" type="submit">
        Search
      </button>
    </form>
  );
}
