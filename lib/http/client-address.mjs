/**
 * The address of the client that opened the connection, as far as it can be trusted: the socket's
 * peer, or, behind `trustedProxies` reverse proxies that each append to X-Forwarded-For, the entry
 * that many hops from the right. A client cannot choose its own bucket by sending the header itself.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  const peer = normalize(socketAddress ?? "") || "unknown";
  if (trustedProxies <= 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...header.split(",").map((s) => normalize(s.trim())).filter(Boolean), peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalize(address) {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
