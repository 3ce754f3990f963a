const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a URL from an article may become an `href` or `src`: http(s), mailto and tel
 * links and relative ones (`/help/x`, `other-article`, `#part`); never `javascript:`,
 * `vbscript:`, `data:` or any other scheme. Read the way a browser reads it: tabs and line
 * breaks inside are dropped and spaces and control characters at the ends trimmed, so
 * `java\tscript:` counts as `javascript:`.
 */
export function isSafeUrl(url: string): boolean {
  const read = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/[\u0000-\u001f\u007f]/.test(read)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1];
  return scheme === undefined || allowedSchemes.has(scheme.toLowerCase());
}
