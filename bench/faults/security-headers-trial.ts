import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/** The security headers a page sends, by the names the trial reports. */
function securityHeaders(headers: Headers): { csp: boolean; strictScript: boolean; nosniff: boolean; frameAncestors: boolean; referrerPolicy: boolean } {
  const csp = headers.get('content-security-policy') ?? '';
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? /default-src([^;]*)/.exec(csp)?.[1] ?? '';
  return {
    csp: csp.length > 0,
    strictScript: csp.length > 0 && !scriptSrc.includes("'unsafe-inline'"),
    nosniff: (headers.get('x-content-type-options') ?? '').toLowerCase() === 'nosniff',
    frameAncestors: /frame-ancestors/.test(csp) || Boolean(headers.get('x-frame-options')),
    referrerPolicy: Boolean(headers.get('referrer-policy')),
  };
}

/**
 * Trial 13: which of CSP (with no inline script), `X-Content-Type-Options: nosniff`,
 * frame-ancestors (or X-Frame-Options) and Referrer-Policy the staff pages, the help center
 * and the widget page send.
 */
export async function securityHeadersTrial(): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  try {
    const groups: { name: string; paths: string[]; need: (keyof ReturnType<typeof securityHeaders>)[] }[] = [
      { name: 'staff pages', paths: ['/console/', '/dashboard/', '/editor/'], need: ['csp', 'strictScript', 'nosniff', 'frameAncestors', 'referrerPolicy'] },
      { name: 'help center', paths: ['/help/warranty-period'], need: ['csp', 'strictScript', 'nosniff', 'referrerPolicy'] },
      { name: 'widget page', paths: ['/'], need: ['nosniff', 'referrerPolicy'] },
    ];
    const figures: TrialFigure[] = [];
    for (const group of groups) {
      const found = await Promise.all(group.paths.map(async (path) => {
        const response = await fetch(`${world.url}${path}`);
        await response.arrayBuffer();
        return { path, status: response.status, headers: securityHeaders(response.headers) };
      }));
      const present = (name: keyof ReturnType<typeof securityHeaders>) => found.every((page) => page.headers[name]);
      const labels: Record<string, string> = { csp: 'CSP', strictScript: 'no inline script', nosniff: 'nosniff', frameAncestors: 'frame-ancestors', referrerPolicy: 'Referrer-Policy' };
      const have = Object.keys(labels).filter((name) => present(name as keyof ReturnType<typeof securityHeaders>)).map((name) => labels[name]);
      figures.push({
        name: `13. security headers on the ${group.name}`,
        figure: have.length > 0 ? have.join(', ') : 'none',
        mustBe: group.need.map((name) => labels[name]).join(', '),
        pass: group.need.every(present),
        notes: [found.map((page) => `${page.path} ${page.status}`).join(', ')],
      });
    }
    return figures;
  } finally {
    await world.close();
  }
}
