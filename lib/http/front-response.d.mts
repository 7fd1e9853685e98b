import type { IncomingMessage, ServerResponse } from "node:http";
export function frontResponseHeaders(req: IncomingMessage, res: ServerResponse): void;
