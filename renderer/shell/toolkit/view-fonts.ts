/**
 * Web fonts for rasterised views. A view drawn through an SVG image cannot reach the page's fonts,
 * so every @font-face the view uses (KaTeX's) goes into the image as a data: URL. The bytes come
 * from the app's own bundled files, read with XMLHttpRequest (fetch cannot read file:// in
 * Electron), once per page: later frames reuse the encoded text.
 */

/** Reads one of the app's own files as a data: URL of the given MIME type. */
export function fileDataUrl(url: string, mime?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => {
      // file:// answers with status 0.
      if (xhr.status !== 0 && (xhr.status < 200 || xhr.status >= 300))
        return reject(new Error(`could not read ${url} (${xhr.status})`));
      const type = mime ?? xhr.getResponseHeader('content-type') ?? 'application/octet-stream';
      resolve(`data:${type};base64,${base64(new Uint8Array(xhr.response as ArrayBuffer))}`);
    };
    xhr.onerror = () => reject(new Error(`could not read ${url}`));
    xhr.send();
  });
}

function base64(bytes: Uint8Array): string {
  let text = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(text);
}

/** Every @font-face rule of the page's stylesheets, including those inside @media / @layer. */
function fontFaceRules(): CSSFontFaceRule[] {
  const out: CSSFontFaceRule[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSFontFaceRule) out.push(rule);
      else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      walk(sheet.cssRules);
    } catch {
      // A stylesheet from elsewhere cannot be read; the app has none.
    }
  }
  return out;
}

/** Font family names as the rasteriser records them: unquoted, lower case. */
export function familyNames(value: string): string[] {
  return value
    .split(',')
    .map((f) => f.trim().replace(/["']/g, '').toLowerCase())
    .filter(Boolean);
}

const FORMATS = ['woff2', 'woff', 'truetype', 'opentype'] as const;
const MIMES: Record<(typeof FORMATS)[number], string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  truetype: 'font/ttf',
  opentype: 'font/otf',
};

/** The most compact source of a `src` descriptor: its URL and format. */
function sourcePick(src: string): { url: string; format: (typeof FORMATS)[number] } | null {
  const sources = Array.from(
    src.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)\s*(?:format\(\s*["']?([\w-]+)["']?\s*\))?/g),
  ).map((m) => ({ url: m[2], format: (m[3] ?? '') as string }));
  for (const f of FORMATS) {
    const hit = sources.find((s) => s.format === f);
    if (hit) return { url: hit.url, format: f };
  }
  return null;
}

const embedded = new Map<string, Promise<string>>();

/** The rule with its font file inlined (one format); empty when it cannot be read. */
function ruleEmbed(rule: CSSFontFaceRule): Promise<string> {
  const key = rule.cssText;
  let done = embedded.get(key);
  if (!done) {
    const pick = sourcePick(rule.style.getPropertyValue('src'));
    const base = rule.parentStyleSheet?.href ?? document.baseURI;
    done = !pick
      ? Promise.resolve('')
      : (pick.url.startsWith('data:')
          ? Promise.resolve(pick.url)
          : fileDataUrl(new URL(pick.url, base).href, MIMES[pick.format])
        )
          .then((data) => {
            const style = rule.style;
            const keep = ['font-family', 'font-style', 'font-weight', 'font-stretch'];
            const descriptors = keep
              .map((name) => [name, style.getPropertyValue(name)] as const)
              .filter(([, v]) => v)
              .map(([name, v]) => `${name}: ${v};`)
              .join(' ');
            return `@font-face { ${descriptors} font-display: block; src: url("${data}") format("${pick.format}"); }`;
          })
          .catch(() => '');
    embedded.set(key, done);
  }
  return done;
}

/** One face of a family: "katex_main|italic|400". */
function faceKey(family: string, style: string, weight: string): string {
  const w = weight === 'bold' ? '700' : weight === 'normal' || !weight ? '400' : weight;
  return `${familyNames(family)[0]}|${style || 'normal'}|${w}`;
}

/** The faces the page has loaded: the ones its text uses (others cannot show on screen either). */
function facesLoaded(): Set<string> {
  const out = new Set<string>();
  document.fonts.forEach((f) => {
    if (f.status === 'loaded') out.add(faceKey(f.family, f.style, f.weight));
  });
  return out;
}

/**
 * @font-face rules (font files inlined) for the faces the page has loaded of every family in
 * `families` (lower-case names), in stylesheet order. System fonts need nothing. Await
 * `document.fonts.ready` first, so faces still loading are included.
 */
export async function fontFacesEmbed(families: ReadonlySet<string>): Promise<string> {
  const loaded = facesLoaded();
  const rules = fontFaceRules().filter((r) => {
    const s = r.style;
    const family = s.getPropertyValue('font-family');
    if (!familyNames(family).some((f) => families.has(f))) return false;
    return loaded.has(
      faceKey(family, s.getPropertyValue('font-style'), s.getPropertyValue('font-weight')),
    );
  });
  const css = await Promise.all(rules.map(ruleEmbed));
  return css.filter(Boolean).join('\n');
}
