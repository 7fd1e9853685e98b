export interface FrontAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
/** A GET the front answers: the path after the route's prefix and the request's Cookie header. */
export type FrontRoute = (rest: string, cookieHeader: string | undefined) => Promise<FrontAnswer>;
export function registerFrontRoute(prefix: string, route: FrontRoute): void;
export function frontRouteFor(url: string): { route: FrontRoute; rest: string } | undefined;
