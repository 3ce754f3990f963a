import { Router } from 'express';
import type { Config } from '../config/config-schema.js';
import { businessContacts, businessName, isDemoProfile } from '../config/business-profile.js';
import { escapeHtml } from '../knowledge/help-center/render-markdown.js';

/**
 * The page `npm start` prints as the widget demo. The bundled `public/index.html` is the demo
 * shop's ("Điện máy An Phát", its products and hotline); a shop with its own profile gets a
 * plain page under its own name, hotline and opening hours with the widget on it, so the
 * demo's name never reaches its customers from there either.
 */
export function shopPageRoutes(config: Pick<Config, 'business' | 'locales'>): Router {
  const router = Router();
  if (isDemoProfile(config.business)) return router;
  const page = shopPage(config);
  router.get(['/', '/index.html'], (_req, res) => void res.type('html').set('cache-control', 'no-cache').send(page));
  return router;
}

const invitation: Record<string, string> = {
  vi: 'Cần hỗ trợ? Bấm nút chat ở góc màn hình để hỏi chúng tôi.',
  en: 'Need help? Press the chat button in the corner to ask us.',
  cs: 'Potřebujete pomoct? Zeptejte se nás tlačítkem chatu v rohu.',
  zh: '需要帮助？点击角落里的聊天按钮向我们提问。',
};

function shopPage({ business, locales }: Pick<Config, 'business' | 'locales'>): string {
  const locale = locales.default;
  const name = escapeHtml(businessName(business, locale));
  const { hotline, website } = businessContacts(business);
  const facts = [hotline && `Hotline ${escapeHtml(hotline)}`, website && escapeHtml(website), business.hoursText && escapeHtml(business.hoursText)].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${name}</title>
  <style>
    body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #222; background: #fafafa; }
    header { background: #1f3a5f; color: #fff; padding: 16px 24px; }
    header h1 { margin: 0; font-size: 24px; }
    main { max-width: 720px; margin: 0 auto; padding: 24px; }
    footer { text-align: center; font-size: 14px; color: #555; padding: 24px; }
  </style>
</head>
<body>
  <header><h1>${name}</h1></header>
  <main>
    <p>${invitation[locale] ?? invitation.en}</p>
    <p>Embed the widget on your own site with one tag: <code>&lt;script src="/widget.js" async&gt;&lt;/script&gt;</code></p>
  </main>
  <footer>${facts}</footer>
  <script src="/widget.js" async></script>
</body>
</html>`;
}
