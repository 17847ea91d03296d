/** Fixture: traffic through hosting and VPN exits versus a household on a residential ISP. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 4, () => ({ netClasses: { hosting: 80, vpn: 15, isp: 5 } }));
export const benignLookAlike = makeMany('home', 4, () => ({ netClasses: { isp: 90, mobile: 10 } }));
