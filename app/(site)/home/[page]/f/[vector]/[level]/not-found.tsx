import { FilterNotFound } from "@/components/site/filter-not-found";

export default function UnknownHomeFilter() {
  return <FilterNotFound basePath="/" />;
}
