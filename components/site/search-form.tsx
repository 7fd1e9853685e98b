import { SEARCH_MAX_LENGTH } from "@/lib/pieces/search-query";
import "./search.css";

/** A plain GET form to /search: works without JavaScript, and its URL is shareable. */
export function SearchForm({ q = "", autoFocus = false }: { q?: string; autoFocus?: boolean }) {
  return (
    <form className="search-form" role="search" action="/search" method="get">
      <label>
        Search the analysis
        <input type="search" name="q" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} autoFocus={autoFocus} enterKeyHint="search" />
      </label>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
