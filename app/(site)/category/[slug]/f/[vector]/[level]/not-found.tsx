import { FilterNotFound } from "@/components/site/filter-not-found";

export default function UnknownCategoryFilter() {
  return <FilterNotFound basePath="/" />;
}
