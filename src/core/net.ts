/** Facts about network classes shared by every stage. */
import type { NetClass } from './types.js';

/** Classes whose addresses hide where the user is: datacenters, VPNs, Tor exits, privacy relays. */
export const PROXY_NET_CLASSES: readonly NetClass[] = ['hosting', 'vpn', 'tor', 'relay'];

const proxySet = new Set<string>(PROXY_NET_CLASSES);

/** True when an address of this class says nothing about where its user is. */
export function isProxyClass(netClass: string): boolean {
  return proxySet.has(netClass);
}
