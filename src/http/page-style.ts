// One small stylesheet inline: no external CDN, readable on a phone, WCAG AA contrast on the provincial red/white.
/** The stylesheet of the server-rendered pages (portal and public). */
export const PAGE_STYLE = `
:root{--red:#a8071a;--ink:#1f1f1f;--muted:#595959;--line:#d9d9d9;--bg:#fafafa;--focus:#0050b3}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--focus)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:var(--red);color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
header h1{font-size:1.1rem;margin:0}header form{margin:0}header .who{font-size:.9rem}
main{max-width:1100px;margin:0 auto;padding:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
label{display:block;font-weight:600;margin:12px 0 4px}input,select,textarea{width:100%;padding:10px;font:inherit;border:1px solid #8c8c8c;border-radius:6px}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid var(--red);background:var(--red);color:#fff;cursor:pointer}
button.link{background:transparent;border-color:#fff;color:#fff;padding:4px 10px}
.error{background:#fff1f0;border:1px solid #ffa39e;color:#820014;padding:10px;border-radius:6px}
.narrow{max-width:420px;margin:32px auto}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid var(--line);vertical-align:top}
@media (max-width:600px){th,td{padding:6px 4px;overflow-wrap:anywhere}}
header nav a{color:#fff;margin-right:12px}.muted{color:var(--muted)}.status{font-weight:700}
ul.plain{list-style:none;padding:0}ol.timeline{padding-left:20px}ol.timeline li{margin:0 0 8px}.num{text-align:right}
.chart{position:relative;height:320px}
`;
