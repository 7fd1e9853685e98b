import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A redeem token: 32 random bytes, base64url. Only its hash is stored. */
export const newRedeemToken = (): string => randomBytes(32).toString("base64url");
export const hashRedeemToken = (token: string): string => createHash("sha256").update(token).digest("hex");
export const REDEEM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
