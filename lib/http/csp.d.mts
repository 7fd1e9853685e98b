export function newNonce(): string;
export function noncePolicy(nonce: string, dev?: boolean, framable?: boolean): string;
export function inlineScriptHashes(html: string): string[];
export function hashPolicy(html: string): string;
