export function strictTransportSecurity(appUrl: string | undefined): string | null;
