import { vi } from '../i18n/strings.vi';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The web chat page: a portal header, the Web Chat panel, and a privacy note. Usable from 320 px wide. */
export function webchatHtml(bundleVersion: string, appVersion: string): string {
  const w = vi.bot.webchat;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${escapeHtml(w.title)}</title>
<style>
  :root { --red: #b5121b; --gold: #f2c200; --ink: #1f2933; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: Roboto, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #eef1f4; }
  header { background: var(--red); color: #fff; border-bottom: 4px solid var(--gold); padding: 10px 16px; display: flex; align-items: center; gap: 12px; }
  header .emblem { width: 40px; height: 40px; border-radius: 50%; background: var(--gold); color: var(--red); display: grid; place-items: center; font-weight: 700; flex: none; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header p { font-size: .85rem; margin: 2px 0 0; opacity: .9; }
  header button { margin-left: auto; background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; padding: 6px 10px; font: inherit; font-size: .8rem; cursor: pointer; }
  main { flex: 1; display: flex; justify-content: center; min-height: 0; padding: 12px; }
  #webchat { width: 100%; max-width: 760px; height: 100%; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); overflow: hidden; }
  #status { padding: 24px; text-align: center; }
  footer { font-size: .75rem; text-align: center; padding: 6px 12px 10px; color: #52606d; }
  header button { white-space: nowrap; }
  @media (max-width: 600px) { main { padding: 0; } #webchat { border-radius: 0; box-shadow: none; } header p { display: none; } header h1 { font-size: 1rem; } header { padding: 8px 12px; } }
</style>
</head>
<body>
<header>
  <div class="emblem" aria-hidden="true">TD</div>
  <div><h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.subtitle)}</p></div>
  <button id="new-conversation" type="button">${escapeHtml(w.newConversation)}</button>
</header>
<main><div id="webchat" role="main"><div id="status">${escapeHtml(w.loading)}</div></div></main>
<footer>${escapeHtml(w.privacy)}</footer>
<script src="/webchat/webchat.js?v=${encodeURIComponent(bundleVersion)}"></script>
<script src="/webchat/app.js?v=${encodeURIComponent(appVersion)}" data-failed="${escapeHtml(w.failed)}"></script>
</body>
</html>`;
}

/**
 * The page's script (served as a file: the app's Content-Security-Policy forbids inline scripts). It keeps the
 * conversation id and token in sessionStorage, so a reload resumes the same conversation with its history.
 */
export const WEBCHAT_APP_JS = `(function () {
  'use strict';
  var KEY = 'tiepdan.webchat.session';
  var base = location.origin + '/v3/directline';
  var failedText = document.currentScript.getAttribute('data-failed');
  function load() { try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (e) { return null; } }
  function save(s) { sessionStorage.setItem(KEY, JSON.stringify(s)); }
  function post(path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(base + path, { method: 'POST', headers: headers, body: '{}' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function session() {
    var saved = load();
    var fresh = function () { return post('/tokens/generate').then(function (g) { return { conversationId: g.conversationId, token: g.token, resumed: false }; }); };
    if (!saved) return fresh();
    return post('/tokens/refresh', saved.token)
      .then(function (g) { return { conversationId: saved.conversationId, token: g.token, resumed: true }; })
      .catch(fresh);
  }
  document.getElementById('new-conversation').addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    location.reload();
  });
  session().then(function (s) {
    save({ conversationId: s.conversationId, token: s.token });
    var options = { domain: base, token: s.token };
    // Resuming: DirectLineJS reconnects to the conversation (GET) and the stream replays its history.
    if (s.resumed) options.conversationId = s.conversationId;
    var directLine = window.WebChat.createDirectLine(options);
    // DirectLineJS refreshes its token every 15 minutes; keep the stored one current for the next reload.
    setInterval(function () { if (directLine.token) save({ conversationId: s.conversationId, token: directLine.token }); }, 60000);
    var el = document.getElementById('webchat');
    el.innerHTML = '';
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: 'vi-VN',
      styleOptions: {
        accent: '#b5121b',
        botAvatarInitials: 'TD',
        botAvatarBackgroundColor: '#b5121b',
        userAvatarInitials: 'Bạn',
        bubbleBackground: '#f4f5f7',
        bubbleBorderRadius: 8,
        bubbleFromUserBackground: '#b5121b',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderRadius: 8,
        bubbleMaxWidth: 560,
        primaryFont: 'Roboto, "Segoe UI", Arial, sans-serif',
        rootHeight: '100%',
        // Defence in depth: the server already strips raw HTML from what it sends (src/text/safe-markdown.ts).
        markdownRenderHTML: false,
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 16,
        sendTimeout: 30000,
        // Photos go as soon as they are picked, as the bot's prompt says; only images are offered.
        sendAttachmentOn: 'attach',
        uploadAccept: 'image/jpeg,image/png,image/webp,image/gif'
      },
      overrideLocalizedStrings: {
        TEXT_INPUT_DROP_ZONE: 'Thả ảnh vào đây để gửi',
        TEXT_INPUT_LENGTH_EXCEEDED_ALT: 'Tin nhắn quá dài'
      }
    }, el);
    el.querySelector('input, textarea') && el.querySelector('input, textarea').focus();
  }).catch(function () {
    document.getElementById('status').textContent = failedText;
  });
})();
`;
