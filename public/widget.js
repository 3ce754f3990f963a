/*
 * Careline web chat widget. Embed with one tag:
 *   <script src="https://care.example.com/widget.js" async></script>
 * Optional attributes: data-locale="vi|en|cs|zh", data-title="…", data-color="#0b63ce",
 * data-open="true". Everything renders inside a Shadow DOM, so the host page's CSS cannot
 * break it. The session token lives in localStorage; messages are sent over a WebSocket
 * (HTTP when sockets fail) with an id each, so a message resent after a lost connection is
 * stored once, and the transcript is re-read on every reconnect, so nothing is lost.
 */
(() => {
  'use strict';
  if (window.__carelineWidget) return;
  window.__carelineWidget = true;

  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript || document.querySelector('script[src*="widget.js"]'));
  const base = new URL(script ? script.src : location.href).origin;
  const storageKey = `careline:${base}`;

  const strings = {
    vi: { title: 'Hỗ trợ khách hàng', open: 'Mở khung chat hỗ trợ', close: 'Đóng', placeholder: 'Nhập câu hỏi…', send: 'Gửi', typing: 'Đang trả lời…', offline: 'Mất kết nối, đang kết nối lại…', welcome: 'Xin chào! {persona.You} cần hỗ trợ gì ạ?', agent: 'Nhân viên', sending: 'Đang gửi…', log: 'Hội thoại', tooFast: '{persona.You} gửi hơi nhanh, tin nhắn sẽ được gửi lại sau {s} giây.', notSent: 'Chưa gửi được: ' },
    en: { title: 'Customer care', open: 'Open the support chat', close: 'Close', placeholder: 'Type your question…', send: 'Send', typing: 'Typing…', offline: 'Connection lost, reconnecting…', welcome: 'Hello! How can we help you?', agent: 'Agent', sending: 'Sending…', log: 'Conversation', tooFast: 'You are sending messages quickly; this one will be sent again in {s} s.', notSent: 'Not sent: ' },
    cs: { title: 'Zákaznická podpora', open: 'Otevřít chat podpory', close: 'Zavřít', placeholder: 'Napište dotaz…', send: 'Odeslat', typing: 'Píše…', offline: 'Spojení ztraceno, připojuji znovu…', welcome: 'Dobrý den! Jak vám můžeme pomoci?', agent: 'Pracovník', sending: 'Odesílám…', log: 'Konverzace', tooFast: 'Píšete příliš rychle; zpráva se znovu odešle za {s} s.', notSent: 'Neodesláno: ' },
    zh: { title: '客户服务', open: '打开客服聊天', close: '关闭', placeholder: '请输入您的问题…', send: '发送', typing: '正在输入…', offline: '连接已断开，正在重新连接…', welcome: '{persona.You}好！有什么可以帮到{persona.you}？', agent: '客服', sending: '发送中…', log: '对话', tooFast: '{persona.You}发送得太快了，这条消息将在 {s} 秒后重新发送。', notSent: '未发送：' },
  };
  const pickLocale = (tag) => {
    const short = String(tag || '').toLowerCase().split(/[-_]/)[0];
    return strings[short] ? short : null;
  };
  const locale = pickLocale(script && script.dataset.locale) || pickLocale(navigator.language) || 'vi';
  const t = strings[locale];
  // The shop's persona (how the bot addresses customers) comes with the transcript; until then the default one.
  let personaWords = { vi: { we: 'em', We: 'Em', you: 'anh/chị', You: 'Anh/chị' }, zh: { we: '我们', We: '我们', you: '您', You: '您' } }[locale] || {};
  const inPersona = (text) => text.replace(/\{persona\.(\w+)\}/g, (whole, word) => personaWords[word] || whole);
  const color = (script && script.dataset.color) || '#0b63ce';

  // ---- state kept across reloads ----
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || '{}');
    } catch {
      return {};
    }
  };
  const saved = load();
  const state = {
    token: typeof saved.token === 'string' ? saved.token : null,
    pending: Array.isArray(saved.pending) ? saved.pending : [],
    open: saved.open === true || (script && script.dataset.open === 'true'),
  };
  const persist = () => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ token: state.token, pending: state.pending, open: state.open }));
    } catch {
      /* storage full or blocked: the chat still works for this page view */
    }
  };

  // ---- DOM, inside a shadow root ----
  const host = document.createElement('div');
  host.id = 'careline-widget';
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483000; right: 0; bottom: 0;';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
<style>
  :host { all: initial; }
  * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .launcher { position: fixed; right: 20px; bottom: 20px; width: 60px; height: 60px; border-radius: 50%; border: 0; background: ${color}; color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: grid; place-items: center; }
  .launcher svg { width: 28px; height: 28px; fill: currentColor; }
  .launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
  .panel { position: fixed; right: 20px; bottom: 92px; width: min(380px, calc(100vw - 24px)); height: min(600px, calc(100vh - 120px)); background: #fff; color: #1f2933; border-radius: 14px; box-shadow: 0 10px 40px rgba(0,0,0,.25); display: flex; flex-direction: column; overflow: hidden; font-size: 15px; line-height: 1.45; }
  .panel[hidden] { display: none; }
  header { background: ${color}; color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
  header h2 { margin: 0; font-size: 16px; font-weight: 600; flex: 1; }
  header button { background: transparent; color: #fff; border: 0; font-size: 22px; cursor: pointer; line-height: 1; padding: 2px 8px; border-radius: 6px; }
  .status { background: #fff4ce; color: #5c4400; font-size: 13px; padding: 6px 12px; }
  .status[hidden] { display: none; }
  .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f5f7fa; }
  .msg { max-width: 85%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
  .msg.customer { align-self: flex-end; background: ${color}; color: #fff; border-bottom-right-radius: 4px; }
  .msg.customer.sending { opacity: .6; }
  .msg .refusal { display: block; font-size: 12px; margin-top: 4px; opacity: .85; }
  .msg.customer.refused { opacity: 1; border: 1px dashed currentColor; }
  .msg.bot, .msg.agent, .msg.system { align-self: flex-start; background: #fff; border: 1px solid #e1e5ea; border-bottom-left-radius: 4px; }
  .msg .who { display: block; font-size: 12px; font-weight: 600; color: #52606d; margin-bottom: 2px; }
  .msg a { color: ${color}; }
  .msg > a:last-child { display: inline-block; margin-top: 6px; }
  .msg.customer a { color: #fff; text-decoration: underline; }
  .msg table { border-collapse: collapse; margin: 6px 0; font-size: 13px; white-space: normal; display: block; overflow-x: auto; max-width: 100%; }
  .msg th, .msg td { border: 1px solid #d9dee4; padding: 3px 6px; text-align: left; vertical-align: top; }
  .msg th { background: #f0f3f7; }
  .choices { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; max-width: 95%; }
  .choices button { border: 1px solid ${color}; color: ${color}; background: #fff; border-radius: 16px; padding: 6px 12px; font-size: 14px; cursor: pointer; text-align: left; }
  .choices button:hover { background: ${color}; color: #fff; }
  .rating { gap: 2px; }
  .rating .star { border: 0; background: transparent; color: #c4c4c4; font-size: 30px; padding: 0 4px; line-height: 1; border-radius: 6px; }
  .rating .star:hover, .rating .star.lit { background: transparent; color: #f5a623; }
  .rating.scale { gap: 4px; }
  .rating.scale .score { min-width: 34px; padding: 6px 0; text-align: center; border-radius: 8px; }
  .typing { align-self: flex-start; color: #52606d; font-size: 13px; font-style: italic; }
  .typing[hidden] { display: none; }
  form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e1e5ea; background: #fff; }
  textarea { flex: 1; resize: none; border: 1px solid #cbd2d9; border-radius: 10px; padding: 8px 10px; font-size: 15px; height: 42px; max-height: 120px; }
  form button { border: 0; background: ${color}; color: #fff; border-radius: 10px; padding: 0 16px; font-size: 15px; cursor: pointer; }
  @media (max-width: 480px) {
    .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
    .launcher { right: 14px; bottom: 14px; }
  }
</style>
<button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false">
  <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2Z"/></svg>
</button>
<section class="panel" role="dialog" hidden>
  <header><h2></h2><button type="button" class="close">×</button></header>
  <div class="status" role="status" hidden></div>
  <div class="log" role="log" aria-live="polite"></div>
  <form>
    <textarea rows="1" autocomplete="off"></textarea>
    <button type="submit"></button>
  </form>
</section>`;
  const $ = (selector) => root.querySelector(selector);
  const launcher = $('.launcher');
  const panel = $('.panel');
  const log = $('.log');
  const status = $('.status');
  const form = $('form');
  const input = $('textarea');
  const title = (script && script.dataset.title) || t.title;
  $('h2').textContent = title;
  $('h2').id = 'careline-title';
  panel.setAttribute('aria-labelledby', 'careline-title');
  launcher.setAttribute('aria-label', t.open);
  $('.close').setAttribute('aria-label', t.close);
  log.setAttribute('aria-label', t.log);
  input.placeholder = t.placeholder;
  input.setAttribute('aria-label', t.placeholder);
  $('form button').textContent = t.send;
  const typing = document.createElement('div');
  typing.className = 'typing';
  typing.hidden = true;
  typing.textContent = t.typing;

  // ---- rendering: text is always set as text, never parsed as HTML ----
  const shown = new Map(); // server id -> element
  const shownClientIds = new Set();
  const messagesById = new Map();

  const isSafeUrl = (url) => /^https?:\/\//i.test(url);
  const linkElement = (url, label) => {
    const link = document.createElement('a');
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = label;
    return link;
  };
  // Answers are written in Markdown: bold, http(s) links and bare URLs are shown as such, built
  // as DOM nodes from text, so nothing in a message is ever parsed as HTML. A customer's own
  // text only has its URLs made links.
  const appendInline = (parent, text, markdown) => {
    const pattern = markdown ? /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g : /()()()(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      parent.append(document.createTextNode(text.slice(at, match.index)));
      if (match[1]) {
        const strong = document.createElement('strong');
        strong.textContent = match[1];
        parent.append(strong);
      } else if (match[3]) parent.append(linkElement(match[3], match[2]));
      else parent.append(linkElement(match[4], match[4]));
      at = match.index + match[0].length;
    }
    parent.append(document.createTextNode(text.slice(at)));
  };
  // A Markdown table (lines that start with "|") is shown as a table; its "|---|" line is the
  // header's end. Headings ("# …") are shown bold. Everything else keeps its line breaks.
  const tableRow = /^\s*\|.*\|\s*$/;
  const cellsOf = (line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const appendMarkdown = (parent, text) => {
    const lines = text.split('\n');
    let prose = [];
    const flush = () => {
      if (prose.length > 0) appendInline(parent, prose.join('\n'), true);
      prose = [];
    };
    for (let i = 0; i < lines.length; i++) {
      if (!tableRow.test(lines[i]) || !/^[\s|:-]+$/.test(lines[i + 1] || '') || !lines[i + 1].includes('-')) {
        const heading = /^#{1,6}\s+(.+)$/.exec(lines[i]);
        if (heading) {
          flush();
          const strong = document.createElement('strong');
          appendInline(strong, heading[1], true);
          parent.append(strong, document.createTextNode(i < lines.length - 1 ? '\n' : ''));
        } else prose.push(lines[i]);
        continue;
      }
      flush();
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const cell of cellsOf(lines[i])) {
        const th = document.createElement('th');
        appendInline(th, cell, true);
        head.append(th);
      }
      const body = table.createTBody();
      for (i += 2; i < lines.length && tableRow.test(lines[i]); i++) {
        const row = body.insertRow();
        for (const cell of cellsOf(lines[i])) appendInline(row.insertCell(), cell, true);
      }
      i--;
      parent.append(table);
    }
    flush();
  };
  const messageElement = (message, sending) => {
    const element = document.createElement('div');
    element.className = `msg ${message.author}${sending ? ' sending' : ''}`;
    if (message.author === 'agent') {
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = message.authorName || t.agent;
      element.append(who);
    }
    if (message.author === 'customer') appendInline(element, message.text, false);
    else appendMarkdown(element, message.text);
    if (message.link && isSafeUrl(message.link.url)) {
      element.append(document.createElement('br'));
      element.append(linkElement(message.link.url, message.link.label));
    }
    return element;
  };

  const renderChoices = () => {
    for (const old of log.querySelectorAll('.choices')) old.remove();
    // Buttons belong to the newest line on screen, and only while it is the bot's or an agent's.
    const lines = log.querySelectorAll('.msg');
    const lastLine = lines[lines.length - 1];
    const last = lastLine && messagesById.get(lastLine.dataset.id);
    if (!last || last.author === 'customer' || !last.buttons || last.buttons.length === 0) return;
    if (last.kind === 'rating') {
      log.insertBefore(ratingElement(last), typing);
      return;
    }
    const box = document.createElement('div');
    box.className = 'choices';
    box.setAttribute('role', 'group');
    for (const button of last.buttons) {
      const element = document.createElement('button');
      element.type = 'button';
      element.textContent = button.label;
      element.addEventListener('click', () => send({ text: button.label, payload: button.payload }));
      box.append(element);
    }
    log.insertBefore(box, typing);
  };

  // An NPS or CES prompt (0–10, 1–7): one numbered button per score, in as many rows as fit.
  const isScale = (buttons) => buttons.every((button) => /^\d{1,2}$/.test(button.label));
  const scaleElement = (message) => {
    const box = document.createElement('div');
    box.className = 'choices rating scale';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', message.text);
    for (const button of message.buttons) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'score';
      element.textContent = button.label;
      element.addEventListener('click', () => send({ text: button.label, payload: button.payload }));
      box.append(element);
    }
    return box;
  };

  // A satisfaction prompt: one star per score, each a real button (Tab, Enter, Space),
  // arrow keys move between them; hovering or focusing lights the stars up to that one.
  const ratingElement = (message) => {
    if (isScale(message.buttons)) return scaleElement(message);
    const box = document.createElement('div');
    box.className = 'choices rating';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', message.text);
    const stars = message.buttons.map((button, index) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'star';
      element.textContent = '★';
      element.title = button.label;
      element.setAttribute('aria-label', button.label);
      element.addEventListener('click', () => send({ text: button.label, payload: button.payload }));
      element.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
        if (!step) return;
        event.preventDefault();
        stars[Math.min(stars.length - 1, Math.max(0, index + step))].focus();
      });
      const light = () => stars.forEach((star, other) => star.classList.toggle('lit', other <= index));
      element.addEventListener('mouseenter', light);
      element.addEventListener('focus', light);
      return element;
    });
    box.addEventListener('mouseleave', () => stars.forEach((star) => star.classList.remove('lit')));
    box.append(...stars);
    return box;
  };

  // The newest line in view; a reply taller than the window shows its start (its title), not its end.
  const scrollDown = (element) => {
    log.scrollTop = log.scrollHeight;
    if (!element || element.classList.contains('customer')) return;
    const above = element.getBoundingClientRect().top - log.getBoundingClientRect().top;
    if (above < 0) log.scrollTop += above - 8;
  };

  const addMessage = (message) => {
    if (shown.has(message.id)) return;
    if (message.clientId && shownClientIds.has(message.clientId)) {
      // The server's copy of a message shown while sending: swap it in place.
      const sendingElement = log.querySelector(`[data-client-id="${CSS.escape(message.clientId)}"]`);
      if (sendingElement) {
        const element = messageElement(message, false);
        element.dataset.id = message.id;
        sendingElement.replaceWith(element);
        shown.set(message.id, element);
        messagesById.set(message.id, message);
        state.pending = state.pending.filter((item) => item.clientId !== message.clientId);
        persist();
        renderChoices();
        return;
      }
    }
    const element = messageElement(message, false);
    element.dataset.id = message.id;
    log.insertBefore(element, typing);
    shown.set(message.id, element);
    if (message.clientId) shownClientIds.add(message.clientId);
    messagesById.set(message.id, message);
    if (message.author !== 'customer') typing.hidden = true;
    if (message.clientId) {
      state.pending = state.pending.filter((item) => item.clientId !== message.clientId);
      persist();
    }
    renderChoices();
    scrollDown(element);
  };

  const showSending = (item) => {
    if (shownClientIds.has(item.clientId)) return;
    const element = messageElement({ author: 'customer', text: item.text }, true);
    element.dataset.clientId = item.clientId;
    log.insertBefore(element, typing);
    shownClientIds.add(item.clientId);
    for (const old of log.querySelectorAll('.choices')) old.remove();
    scrollDown();
  };

  const renderHistory = (messages) => {
    if (messages.length === 0 && shown.size === 0 && !log.querySelector('.welcome')) {
      const welcome = messageElement({ author: 'bot', text: inPersona(t.welcome) }, false);
      welcome.classList.add('welcome');
      log.insertBefore(welcome, typing);
    }
    for (const message of messages) addMessage(message);
  };

  // ---- transport: WebSocket first, HTTP as the fallback ----
  let socket = null;
  let socketFailures = 0;
  let reconnectTimer = null;
  let pollTimer = null;
  let typingTimer = null;
  const setOffline = (offline) => {
    status.hidden = !offline;
    status.textContent = offline ? t.offline : '';
  };

  const api = async (path, options = {}) => {
    const response = await fetch(`${base}/api/webchat${path}`, { ...options, headers: { 'content-type': 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  const ensureToken = async () => {
    if (state.token) return state.token;
    const { token } = await api('/session', { method: 'POST', body: '{}' });
    state.token = token;
    persist();
    return token;
  };

  const showTyping = () => {
    typing.hidden = false;
    scrollDown();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => (typing.hidden = true), 15000);
  };

  const onEvent = (event) => {
    if (event.type === 'history') {
      if (event.persona && event.persona[locale]) personaWords = event.persona[locale];
      renderHistory(event.messages);
      flushPending();
    } else if (event.type === 'message') addMessage(event.message);
    else if (event.type === 'ack') addMessage(event.message);
    else if (event.type === 'typing') showTyping();
    else if (event.type === 'error' && event.clientId) refused(event);
  };

  // The server refused a message: too fast (sent again after the wait it names), failed on its
  // side (sent again shortly), or not acceptable as written (shown as not sent, with why).
  const refused = (event) => {
    const item = state.pending.find((pending) => pending.clientId === event.clientId);
    const element = log.querySelector(`[data-client-id="${CSS.escape(event.clientId)}"]`);
    if (!item) return;
    const retryable = event.retryAfterSeconds !== undefined || event.retryable === true;
    const note = (text) => {
      if (!element) return;
      let line = element.querySelector('.refusal');
      if (!line) {
        line = document.createElement('span');
        line.className = 'refusal';
        element.append(line);
      }
      line.textContent = text;
    };
    if (!retryable) {
      state.pending = state.pending.filter((pending) => pending !== item);
      persist();
      if (element) element.classList.replace('sending', 'refused');
      note(`${t.notSent}${event.error || ''}`);
      return;
    }
    const seconds = Math.max(1, Math.min(600, Math.ceil(event.retryAfterSeconds ?? 3)));
    if (event.retryAfterSeconds !== undefined) note(inPersona(t.tooFast).replace('{s}', String(seconds)));
    setTimeout(() => {
      if (!state.pending.includes(item)) return;
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text, payload: item.payload, locale: navigator.language }));
    }, seconds * 1000);
  };

  const httpSync = async () => {
    const history = await api(`/messages?token=${encodeURIComponent(state.token)}`);
    onEvent({ type: 'history', ...history });
  };

  const httpSend = async (item) => {
    const result = await api('/messages', { method: 'POST', body: JSON.stringify({ token: state.token, clientId: item.clientId, text: item.text, payload: item.payload, locale: navigator.language }) });
    addMessage(result.accepted);
    for (const reply of result.replies) addMessage(reply);
  };

  const flushPending = () => {
    for (const item of state.pending) {
      showSending(item);
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text, payload: item.payload, locale: navigator.language }));
      else if (pollTimer) httpSend(item).catch(() => setOffline(true));
    }
  };

  const startPolling = () => {
    if (pollTimer) return;
    const poll = () => httpSync().then(() => setOffline(false), () => setOffline(true));
    pollTimer = setInterval(poll, 3000);
    poll();
  };

  const connect = async () => {
    clearTimeout(reconnectTimer);
    try {
      await ensureToken();
    } catch {
      setOffline(true);
      reconnectTimer = setTimeout(connect, 2000);
      return;
    }
    const url = `${base.replace(/^http/, 'ws')}/api/webchat/socket?token=${encodeURIComponent(state.token)}`;
    let opened = false;
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      opened = true;
      socketFailures = 0;
      setOffline(false);
      clearInterval(pollTimer);
      pollTimer = null;
    });
    socket.addEventListener('message', (message) => {
      try {
        onEvent(JSON.parse(message.data));
      } catch {
        /* an event this version does not understand is ignored */
      }
    });
    socket.addEventListener('close', () => {
      socket = null;
      if (!opened) socketFailures++;
      setOffline(true);
      // Sockets blocked (proxy, firewall): keep the chat going over HTTP meanwhile.
      if (socketFailures >= 3) startPolling();
      const delay = Math.min(10000, 500 * 2 ** Math.min(socketFailures, 5));
      reconnectTimer = setTimeout(connect, delay);
    });
  };

  const newClientId = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return `c_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  };

  /** @param {{ text: string, payload?: string }} message */
  const send = ({ text, payload }) => {
    const clean = String(text || '').trim().slice(0, 2000);
    if (!clean && !payload) return;
    const item = { clientId: newClientId(), text: clean, ...(payload ? { payload } : {}) };
    state.pending.push(item);
    persist();
    showSending(item);
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'message', clientId: item.clientId, text: item.text, payload: item.payload, locale: navigator.language }));
    else if (pollTimer) httpSend(item).catch(() => setOffline(true));
    // Otherwise it stays pending and goes out when the connection is back.
  };

  // ---- opening, closing, keyboard ----
  const setOpen = (open) => {
    state.open = open;
    persist();
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      input.focus();
      scrollDown();
    } else launcher.focus();
  };
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  $('.close').addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  // The agent sees that the customer is typing: a signal with no text, at most every 2.5 s, over the socket only.
  let typingSentAt = 0;
  input.addEventListener('input', () => {
    if (!input.value.trim() || !socket || socket.readyState !== WebSocket.OPEN || Date.now() - typingSentAt < 2500) return;
    typingSentAt = Date.now();
    socket.send(JSON.stringify({ type: 'typing' }));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send({ text: input.value });
    input.value = '';
    typingSentAt = 0;
    input.focus();
  });

  log.append(typing);
  const mount = () => {
    document.body.append(host);
    if (state.open) setOpen(true);
    connect();
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
