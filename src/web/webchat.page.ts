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
  #tools { display: flex; justify-content: center; align-items: center; gap: 10px; flex-wrap: wrap; padding: 6px 12px 0; }
  #tools button { background: #fff; color: var(--red); border: 1px solid var(--red); border-radius: 16px; padding: 6px 14px; font: inherit; font-size: .85rem; cursor: pointer; }
  #tools button:focus-visible { outline: 2px solid var(--ink); outline-offset: 2px; }
  #tool-status { font-size: .8rem; color: #52606d; }
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
<div id="tools"><button id="share-location" type="button">${escapeHtml(w.shareLocation)}</button><span id="tool-status" role="status" aria-live="polite"></span></div>
<footer>${escapeHtml(w.privacy)}</footer>
<script src="/webchat/webchat.js?v=${encodeURIComponent(bundleVersion)}"></script>
<script src="/webchat/app.js?v=${encodeURIComponent(appVersion)}" data-failed="${escapeHtml(w.failed)}" data-user-avatar="${escapeHtml(w.userAvatar)}" data-location-denied="${escapeHtml(w.locationDenied)}" data-my-location="${escapeHtml(w.myLocation)}" data-locating="${escapeHtml(w.locating)}" data-placeholder="${escapeHtml(w.placeholder)}"></script>
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
  var script = document.currentScript;
  var failedText = script.getAttribute('data-failed');
  var text = function (name) { return script.getAttribute('data-' + name) || ''; };
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
  // Web Chat draws a citizen's own image as a picture only when it carries a thumbnail; the server's echo of an
  // upload carries the stored photo's address instead, which serves as the thumbnail.
  function photoThumbnails() {
    return function (next) {
      return function (card) {
        var a = card && card.attachment;
        var mine = card && card.activity && card.activity.from && card.activity.from.role === 'user';
        if (mine && a && /^image\\//.test(a.contentType || '') && a.contentUrl && !a.thumbnailUrl) {
          var rest = Array.prototype.slice.call(arguments, 1);
          var copy = Object.assign({}, card, { attachment: Object.assign({}, a, { thumbnailUrl: a.contentUrl }) });
          return next.apply(null, [copy].concat(rest));
        }
        return next.apply(null, arguments);
      };
    };
  }
  // "Chia sẻ vị trí": the browser's position goes to the bot as a GeoCoordinates entity; typing the address works too.
  function shareLocation(store) {
    var button = document.getElementById('share-location');
    var status = document.getElementById('tool-status');
    if (!navigator.geolocation) { button.hidden = true; return; }
    button.addEventListener('click', function () {
      status.textContent = text('locating');
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = Math.round(pos.coords.latitude * 1e5) / 1e5;
        var lon = Math.round(pos.coords.longitude * 1e5) / 1e5;
        status.textContent = '';
        store.dispatch({
          type: 'DIRECT_LINE/POST_ACTIVITY',
          meta: { method: 'keyboard' },
          payload: { activity: {
            type: 'message',
            text: text('my-location').replace('{lat}', lat).replace('{lon}', lon),
            entities: [{ type: 'GeoCoordinates', latitude: lat, longitude: lon }]
          } }
        });
      }, function () { status.textContent = text('location-denied'); }, { enableHighAccuracy: true, timeout: 15000 });
    });
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
    var store = window.WebChat.createStore();
    shareLocation(store);
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      attachmentMiddleware: photoThumbnails,
      locale: 'vi-VN',
      styleOptions: {
        accent: '#b5121b',
        botAvatarInitials: 'TD',
        botAvatarBackgroundColor: '#b5121b',
        userAvatarInitials: text('user-avatar'),
        bubbleBackground: '#f4f5f7',
        bubbleBorderRadius: 8,
        // A light bubble for the citizen's own messages: an attached photo's thumbnail and file name (drawn in the
        // accent colour) stay readable on it, where a red bubble hid a red file name.
        bubbleFromUserBackground: '#fdeced',
        bubbleFromUserTextColor: '#1f2933',
        bubbleFromUserBorderColor: '#e7a9ad',
        bubbleFromUserBorderWidth: 1,
        bubbleFromUserBorderRadius: 8,
        bubbleImageHeight: 160,
        bubbleAttachmentMaxWidth: 320,
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
        TEXT_INPUT_PLACEHOLDER: text('placeholder'),
        TEXT_INPUT_LENGTH_EXCEEDED_ALT: 'Tin nhắn quá dài'
      }
    }, el);
    el.querySelector('input, textarea') && el.querySelector('input, textarea').focus();
  }).catch(function () {
    document.getElementById('status').textContent = failedText;
  });
})();
`;
