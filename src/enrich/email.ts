/**
 * Email domain classes: disposable (throwaway inboxes, a classic of mass sign-ups), free webmail
 * (common, weak evidence on its own), academic (universities: shared by many honest students, so
 * a weak link between accounts), corporate (everything else that is a real domain), unknown.
 * Lists come from npm packages (`disposable-email-domains`, `email-providers`); academic
 * domains are recognised by pattern (`.edu`, `.edu.xx`, `.ac.xx`, `uni-*.de`, ...).
 */
import { createRequire } from 'node:module';
import type { EmailDomainClass } from '../core/types.js';

/** The domain lists an email classifier uses. */
export interface EmailLists {
  disposable: Set<string>;
  /** Domains whose every subdomain is disposable too. */
  disposableWildcard: Set<string>;
  webmail: Set<string>;
  academic: Set<string>;
}

/** Well-known academic domains the patterns miss (outside .edu/.ac.xx). */
const ACADEMIC_EXTRA = [
  'ethz.ch',
  'epfl.ch',
  'tum.de',
  'kit.edu',
  'mpg.de',
  'inria.fr',
  'polytechnique.edu',
  'ens.fr',
  'sorbonne-universite.fr',
  'uva.nl',
  'tudelft.nl',
  'kth.se',
  'ku.dk',
  'helsinki.fi',
  'utoronto.ca',
  'mcgill.ca',
  'ubc.ca',
  'uwaterloo.ca',
];

const ACADEMIC_PATTERNS = [
  /\.edu$/,
  /\.edu\.[a-z]{2}$/,
  /\.ac\.[a-z]{2}$/,
  /(^|\.)uni-[a-z-]+\.de$/,
  /(^|\.)univ-[a-z-]+\.fr$/,
  /(^|\.)(universit|universidad|universidade|hochschule|college)[a-z-]*\.[a-z.]+$/,
  /\.k12\.[a-z]{2}\.us$/,
];

let packaged: EmailLists | null = null;

/** The packaged lists, loaded once per process. */
export function packagedEmailLists(): EmailLists {
  if (packaged) return packaged;
  const require = createRequire(import.meta.url);
  const disposable = new Set<string>(require('disposable-email-domains/index.json') as string[]);
  const disposableWildcard = new Set<string>(require('disposable-email-domains/wildcard.json') as string[]);
  const webmail = new Set<string>();
  for (const domain of require('email-providers/all.json') as string[])
    if (!disposable.has(domain)) webmail.add(domain);
  packaged = { disposable, disposableWildcard, webmail, academic: new Set(ACADEMIC_EXTRA) };
  return packaged;
}

const HASHED = /^[0-9a-f]{16,}$/i;

/** Classifies an email domain (the part after '@'; a full address is accepted too). */
export function classifyEmailDomain(
  input: string | undefined | null,
  lists: EmailLists = packagedEmailLists(),
): EmailDomainClass {
  if (!input) return 'unknown';
  let domain = input.trim().toLowerCase();
  const at = domain.lastIndexOf('@');
  if (at >= 0) domain = domain.slice(at + 1);
  domain = domain.replace(/\.$/, '');
  if (domain === '' || HASHED.test(domain) || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return 'unknown';
  if (lists.disposable.has(domain)) return 'disposable';
  for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
    const parent = domain.slice(dot + 1);
    if (lists.disposableWildcard.has(parent)) return 'disposable';
  }
  if (lists.disposableWildcard.has(domain)) return 'disposable';
  if (lists.webmail.has(domain)) return 'webmail';
  if (lists.academic.has(domain) || ACADEMIC_PATTERNS.some((p) => p.test(domain))) return 'academic';
  for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
    if (lists.academic.has(domain.slice(dot + 1))) return 'academic';
  }
  return 'corporate';
}
