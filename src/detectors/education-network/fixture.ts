/** Fixture: students on campus versus a campaign that signed up via the education route but sends from hosting. */
import { makeMany } from '../fixture-kit.js';

export const students = makeMany('student', 6, () => ({
  netClasses: { education: 40, isp: 10 },
  identity: { route: 'education' },
}));
export const educationRouteCampaign = makeMany('op', 6, () => ({
  netClasses: { hosting: 50 },
  identity: { route: 'education' },
}));
