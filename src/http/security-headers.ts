import type { RequestHandler } from 'express';

// Staff pages (console, editor, dashboard), the API and everything else by default: scripts,
// styles and requests from this origin only, no inline script, never inside a frame.
const staffPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// The help center: a page of text with this origin's stylesheet and article images; no script at all.
const helpCenterPolicy = ["default-src 'none'", "style-src 'self'", "img-src 'self' https:", "base-uri 'none'", "form-action 'none'"].join('; ');

/** Paths other sites embed: the widget script and the demo storefront that shows it. */
const embeddablePaths = new Set(['/', '/index.html', '/widget.js']);
const isHelpCenter = (path: string) => path.startsWith('/help/') || path === '/help-center.css';

/**
 * Security headers on every response: `nosniff` and a Referrer-Policy everywhere; a strict
 * Content-Security-Policy with `frame-ancestors 'none'` and `X-Frame-Options: DENY` for
 * staff pages, the API and anything not listed; a script-free policy for the help center;
 * nothing that would stop other sites embedding the widget and its demo page. HSTS only
 * when `publicUrl` is https (the server is then reached over TLS).
 */
export function securityHeaders({ publicUrl }: { publicUrl?: string | undefined }): RequestHandler {
  const hsts = publicUrl?.startsWith('https:') ?? false;
  return (req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    if (hsts) res.setHeader('strict-transport-security', 'max-age=31536000');
    if (embeddablePaths.has(req.path)) {
      res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    } else if (isHelpCenter(req.path)) {
      res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
      res.setHeader('content-security-policy', helpCenterPolicy);
    } else {
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('content-security-policy', staffPolicy);
      res.setHeader('x-frame-options', 'DENY');
    }
    next();
  };
}
