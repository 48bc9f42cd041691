import net from 'node:net';

/**
 * True when a listen address is reachable from this machine only: 127.0.0.0/8, ::1 (and its
 * IPv4-mapped form) or `localhost`. `0.0.0.0`, `::` and every other address are not: they are
 * what makes a server reachable from elsewhere, so they are where authentication is required.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && mapped[1]!.startsWith('127.');
  }
  return false;
}
