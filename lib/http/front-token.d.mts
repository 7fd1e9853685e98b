export const CLIENT_ADDRESS_HEADER: "x-esm-client-address";
export const FRONT_TOKEN_HEADER: "x-esm-front-token";
export function frontToken(): string;
