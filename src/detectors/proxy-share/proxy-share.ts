/**
 * proxy-share
 * Catches: traffic arriving from hosting, VPN, Tor and privacy-relay networks, as a share of the
 * cluster's classified exchanges.
 * Why suspicious: proxy resellers and datacentre exits are how campaigns reach an API from where
 * it is not sold; people mostly come from residential, mobile and campus networks.
 * Benign look-alikes: a household of residential-ISP users (does not fire); an enterprise pipeline
 * on a cloud (fires: organisation-cohesion carries the benign side).
 */
import { isProxyClass } from '../../core/net.js';
import { defineDetector } from '../detector.js';
import { pct, r3, ratio } from '../stats.js';

interface Obs {
  proxied: number;
  classified: number;
}

export const proxyShare = defineDetector<Obs>({
  id: 'proxy-share',
  title: 'share of the traffic from hosting, VPN, Tor and relay networks',
  check: (s) => {
    let proxied = 0;
    let classified = 0;
    for (const [c, n] of Object.entries(s.netClasses)) {
      classified += n;
      if (isProxyClass(c)) proxied += n;
    }
    return { proxied, classified };
  },
  finalise(obs) {
    const proxied = obs.reduce((s, o) => s + o.proxied, 0);
    const classified = obs.reduce((s, o) => s + o.classified, 0);
    const share = ratio(proxied, classified);
    return {
      value: share,
      summary: `${pct(share)} of the traffic comes from hosting, VPN, Tor or relay networks`,
      facts: { share: r3(share), exchanges: classified },
    };
  },
});
