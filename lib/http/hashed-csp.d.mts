import type { IncomingMessage, ServerResponse } from "node:http";
export function addHashedCsp(req: IncomingMessage, res: ServerResponse): void;
