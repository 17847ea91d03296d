/**
 * Client identification from the User-Agent and SDK headers: a browser, an official SDK
 * (OpenAI/Anthropic and other Stainless-generated clients, with version, OS and runtime from the
 * `X-Stainless-*` headers), or a script (python-requests, curl, Go-http-client, axios...).
 * A hand-written parser on purpose: the few dozen patterns that matter for API traffic, parsed
 * in well under a microsecond, no regex catalogue of every phone ever made.
 */
import type { ClientInfo } from '../core/types.js';

const SDK_UA = /^(Async)?(OpenAI|Anthropic|AnthropicBedrock|AnthropicVertex)\/([A-Za-z.]+) v?([\w.+-]+)/i;
/** Generic SDK-ish user agents: `something-sdk/1.2`, `litellm/1.40`, `langchain-openai/0.1`. */
const GENERIC_SDK_UA =
  /^((?:[\w.@-]*(?:sdk|client|litellm|langchain|llama[-_]?index|openrouter|instructor|dspy|autogen|crewai|haystack|semantic-kernel|vercel-ai|ai-sdk)[\w.@-]*))\/v?([\w.+-]+)/i;

/** Script and HTTP-library user agents: prefix (lower case) -> [name, runtime]. */
const SCRIPT_UAS: [string, string, string | null][] = [
  ['python-requests/', 'python-requests', 'python'],
  ['python-httpx/', 'python-httpx', 'python'],
  ['python-urllib3/', 'python-urllib3', 'python'],
  ['python-urllib/', 'python-urllib', 'python'],
  ['python/', 'python', 'python'],
  ['scrapy/', 'scrapy', 'python'],
  ['curl/', 'curl', null],
  ['libcurl/', 'libcurl', null],
  ['wget/', 'wget', null],
  ['go-http-client/', 'Go-http-client', 'go'],
  ['go-resty/', 'go-resty', 'go'],
  ['axios/', 'axios', 'node'],
  ['node-fetch/', 'node-fetch', 'node'],
  ['undici', 'undici', 'node'],
  ['node', 'node', 'node'],
  ['got ', 'got', 'node'],
  ['deno/', 'deno', 'deno'],
  ['bun/', 'bun', 'bun'],
  ['okhttp/', 'okhttp', 'jvm'],
  ['java-http-client/', 'java-http-client', 'jvm'],
  ['java/', 'java', 'jvm'],
  ['apache-httpclient/', 'apache-httpclient', 'jvm'],
  ['postmanruntime/', 'PostmanRuntime', 'node'],
  ['insomnia/', 'insomnia', null],
  ['httpie/', 'httpie', 'python'],
  ['ruby', 'ruby', 'ruby'],
  ['faraday', 'faraday', 'ruby'],
  ['reqwest/', 'reqwest', 'rust'],
  ['dart/', 'dart', 'dart'],
  ['guzzlehttp/', 'guzzle', 'php'],
  ['restsharp/', 'restsharp', 'dotnet'],
];

const EMPTY: ClientInfo = { kind: 'unknown', name: null, version: null, os: null, runtime: null };

/** Header lookup by case-insensitive name. */
function header(sdk: Record<string, string> | undefined, name: string): string | undefined {
  if (!sdk) return undefined;
  const direct = sdk[name];
  if (direct !== undefined) return direct;
  for (const key in sdk) if (key.toLowerCase() === name) return sdk[key];
  return undefined;
}

/** Normalises OS names from user agents and Stainless headers. */
function normaliseOs(os: string | undefined | null): string | null {
  if (!os) return null;
  const s = os.toLowerCase();
  if (s.startsWith('mac') || s === 'darwin') return 'macOS';
  if (s.startsWith('win')) return 'Windows';
  if (s.startsWith('linux')) return 'Linux';
  if (s === 'ios' || s.startsWith('iphone') || s.startsWith('ipad')) return 'iOS';
  if (s.startsWith('android')) return 'Android';
  if (s.includes('bsd')) return 'BSD';
  if (s === 'unknown') return null;
  return os.replace(/^other:/i, '');
}

/** OS from a user agent string. */
function osFromUserAgent(ua: string): string | null {
  if (ua.includes('Windows')) return 'Windows';
  if (ua.includes('iPhone') || ua.includes('iPad')) return 'iOS';
  if (ua.includes('Android')) return 'Android';
  if (ua.includes('Mac OS X') || ua.includes('Macintosh') || ua.includes('Darwin')) return 'macOS';
  if (ua.includes('CrOS')) return 'ChromeOS';
  if (ua.includes('Linux') || ua.includes('X11')) return 'Linux';
  return null;
}

const BROWSERS: [RegExp, string][] = [
  [/HeadlessChrome\/([\d.]+)/, 'HeadlessChrome'],
  [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/OPR\/([\d.]+)/, 'Opera'],
  [/SamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/([\d.]+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari\//, 'Safari'],
];

/** Identifies the client of one request from its User-Agent and SDK header values. */
export function parseClient(userAgent?: string, sdk?: Record<string, string>): ClientInfo {
  const ua = (userAgent ?? '').trim();
  const lang = header(sdk, 'x-stainless-lang');
  const packageVersion = header(sdk, 'x-stainless-package-version');
  const stainlessOs = normaliseOs(header(sdk, 'x-stainless-os'));
  const runtimeName = header(sdk, 'x-stainless-runtime');
  const runtimeVersion = header(sdk, 'x-stainless-runtime-version');
  const stainlessRuntime = runtimeName
    ? runtimeVersion
      ? `${runtimeName} ${runtimeVersion}`
      : runtimeName
    : null;

  const official = SDK_UA.exec(ua);
  if (official) {
    const vendor = official[2].toLowerCase().startsWith('anthropic') ? 'anthropic' : 'openai';
    const language = official[3].toLowerCase() === 'js' ? 'js' : official[3].toLowerCase();
    return {
      kind: 'sdk',
      name: `${vendor}-${language}`,
      version: official[4],
      os: stainlessOs ?? osFromUserAgent(ua),
      runtime: stainlessRuntime ?? (language === 'js' ? 'node' : language),
    };
  }
  if (lang !== undefined || packageVersion !== undefined) {
    // Stainless headers without an SDK user agent (proxied, or the UA was rewritten).
    const vendor =
      header(sdk, 'anthropic-version') !== undefined || header(sdk, 'x-api-key') !== undefined
        ? 'anthropic'
        : header(sdk, 'openai-organization') !== undefined || header(sdk, 'openai-project') !== undefined
          ? 'openai'
          : 'stainless';
    return {
      kind: 'sdk',
      name: `${vendor}-${(lang ?? 'unknown').toLowerCase()}`,
      version: packageVersion ?? null,
      os: stainlessOs,
      runtime: stainlessRuntime,
    };
  }
  if (ua === '') return EMPTY;

  const lower = ua.toLowerCase();
  if (!lower.startsWith('mozilla/')) {
    const aiohttp = /aiohttp\/([\w.]+)/i.exec(ua);
    if (aiohttp)
      return {
        kind: 'script',
        name: 'aiohttp',
        version: aiohttp[1],
        os: osFromUserAgent(ua),
        runtime: 'python',
      };
    for (const [prefix, name, runtime] of SCRIPT_UAS) {
      if (!lower.startsWith(prefix)) continue;
      const slash = ua.indexOf('/', prefix.length - 1);
      const version = slash >= 0 ? (/^[\w.+-]+/.exec(ua.slice(slash + 1))?.[0] ?? null) : null;
      return { kind: 'script', name, version, os: osFromUserAgent(ua), runtime };
    }
    const generic = GENERIC_SDK_UA.exec(ua);
    if (generic) {
      return {
        kind: 'sdk',
        name: generic[1].toLowerCase(),
        version: generic[2],
        os: osFromUserAgent(ua),
        runtime: null,
      };
    }
    const product = /^([\w.-]+)\/([\w.+-]+)/.exec(ua);
    return {
      kind: 'unknown',
      name: product ? product[1] : null,
      version: product ? product[2] : null,
      os: osFromUserAgent(ua),
      runtime: null,
    };
  }
  if (lower.includes('windowspowershell/') || lower.includes('powershell/')) {
    return {
      kind: 'script',
      name: 'powershell',
      version: /PowerShell\/([\d.]+)/i.exec(ua)?.[1] ?? null,
      os: 'Windows',
      runtime: 'dotnet',
    };
  }
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (!match) continue;
    const headless = name === 'HeadlessChrome';
    return {
      kind: headless ? 'script' : 'browser',
      name,
      version: match[1],
      os: osFromUserAgent(ua),
      runtime: headless ? 'chrome' : null,
    };
  }
  // Mozilla/5.0 without a known browser token: a bot, a webview or a spoofed string.
  return { kind: 'unknown', name: null, version: null, os: osFromUserAgent(ua), runtime: null };
}
