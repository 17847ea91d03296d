// A small hash router: `#/campaigns/c-1?status=suspected`. Hash URLs keep deep links working
// whatever the server does with unknown paths, and need no dependency.
import { useEffect, useState } from 'react';

/** Sets the browser tab's title while a page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · distillwatch` : 'distillwatch';
  }, [title]);
}

/** The current route: path segments and query parameters of the hash. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

/** Parses `#/a/b?x=1` into its segments and parameters. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  return { path, params: new URLSearchParams(queryPart) };
}

/** The route, re-rendering on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The href of a route, from segments and optional parameters. */
export function href(segments: string[], params?: Record<string, string | undefined>): string {
  const path = segments.map((s) => encodeURIComponent(s)).join('/');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') qs.set(k, v);
  const text = qs.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

/** Replaces the current route's parameters without adding a history entry. */
export function replaceParams(segments: string[], params: Record<string, string | undefined>): void {
  window.history.replaceState(null, '', href(segments, params));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Navigates to a route. */
export function navigate(segments: string[]): void {
  window.location.hash = href(segments).slice(1);
}

/** Links to an account page. */
export const accountHref = (id: string) => href(['accounts', id]);
/** Links to a campaign page. */
export const campaignHref = (id: string) => href(['campaigns', id]);
