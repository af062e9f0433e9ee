// One small stylesheet inline: no external CDN, readable on a phone, WCAG AA contrast on the provincial red/white.
// Vietnamese is written in syllables separated by spaces: text may wrap only at spaces, never inside a syllable
// ("Cơ qua n"), so nothing here sets word-break or overflow-wrap:anywhere; wide tables scroll or stack instead.
// Buttons come in three kinds: primary (the one action a form is for), secondary (everything else) and danger
// (actions that cannot be undone, which go through a confirmation page).
/** The stylesheet of the server-rendered pages (portal and public). */
export const PAGE_STYLE = `
:root{--red:#a8071a;--ink:#1f1f1f;--muted:#595959;--line:#d9d9d9;--bg:#fafafa;--focus:#0050b3;--ok:#135200;--warn:#874d00}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--focus)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:var(--red);color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
header h1{font-size:1.1rem;margin:0}header form{margin:0}header .who{font-size:.9rem}
main{max-width:1100px;margin:0 auto;padding:16px}main:has(.wide){max-width:1400px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
label{display:block;font-weight:600;margin:12px 0 4px}input,select,textarea{width:100%;padding:10px;font:inherit;border:1px solid #8c8c8c;border-radius:6px}
button,.button{display:inline-block;font:inherit;line-height:1.5;padding:10px 16px;border-radius:6px;border:1px solid var(--focus);background:var(--focus);color:#fff;cursor:pointer;text-decoration:none;font-weight:600}
button.secondary,.button.secondary{background:#fff;color:var(--ink);border-color:#8c8c8c;font-weight:400}
button.danger,.button.danger{background:#fff;color:var(--red);border-color:var(--red)}
button.danger.confirm{background:var(--red);color:#fff}
button:hover{filter:brightness(.95)}
button.link{background:transparent;border-color:#fff;color:#fff;padding:4px 10px;font-weight:400}
.error{background:#fff1f0;border:1px solid #ffa39e;color:#820014;padding:10px;border-radius:6px}
.narrow{max-width:420px;margin:32px auto}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid var(--line);vertical-align:top}
.scroll-x{overflow-x:auto}.scroll-x table{min-width:640px}.scroll-x th,.scroll-x td{white-space:nowrap}
.scroll-x td:first-child,.scroll-x th:first-child{white-space:normal;min-width:12em}
@media (max-width:600px){th,td{padding:6px 4px}
 table.stack thead{position:absolute;left:-9999px}table.stack,table.stack tbody,table.stack tfoot,table.stack tr{display:block}
 table.stack tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 8px}
 table.stack td,table.stack th{display:flex;justify-content:space-between;gap:12px;border:0;padding:4px 0;text-align:left}
 table.stack td[data-label]::before{content:attr(data-label);font-weight:600;color:var(--muted)}
 table.stack td.num{text-align:right}table.stack td:first-child,table.stack th:first-child{font-weight:700;display:block}}
header nav a{color:#fff;margin-right:12px}.muted{color:var(--muted)}.nowrap{white-space:nowrap}.status{font-weight:700}
ul.plain{list-style:none;padding:0}.num{text-align:right}
ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{margin:0 0 8px}
.chart{position:relative;height:320px}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;padding:12px}
.filters label{margin:0 0 2px;font-size:.85rem}.filters .f{flex:1 1 150px;min-width:0}.filters .f.grow{flex:2 1 220px}
.filters input,.filters select{padding:6px 8px}.filters button{padding:6px 14px}
.filters label.check{display:flex;gap:6px;align-items:center;font-weight:400;font-size:.95rem;margin:0 0 6px}
.filters label.check input{width:auto}
.case{display:grid;gap:16px}.case-main{display:contents}.case .o1{order:1}.case .o2{order:2}.case .o3{order:3}.case .o4{order:4}
.case .card{margin:0}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:4px 16px;margin:0}
.facts dt{font-size:.8rem;color:var(--muted)}.facts dd{margin:0 0 6px}
.case h2{font-size:1.25rem;margin:0 0 8px}.case h3{font-size:1rem;margin:12px 0 6px}
.pre{white-space:pre-line}
.thumbs{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0}
.thumbs img{display:block;width:112px;height:112px;object-fit:cover;border-radius:6px;border:1px solid var(--line);background:#f0f0f0}
ol.chat{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
ol.chat li{max-width:85%;padding:8px 12px;border-radius:10px;background:#f0f5ff;border:1px solid #d6e4ff}
ol.chat li.citizen{align-self:flex-start;background:#fff;border-color:var(--line)}
ol.chat li.bot{align-self:flex-end}
ol.chat .meta{font-size:.8rem;color:var(--muted)}ol.chat .seq{font-variant-numeric:tabular-nums}
.panel form{margin:0 0 12px}.panel textarea{min-height:7em}.panel details{border-top:1px solid var(--line);padding:8px 0}
.panel summary{cursor:pointer;font-weight:600}.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.confirm-box{max-width:600px;margin:32px auto}
.delivery{list-style:none;padding:0;margin:0 0 12px}.delivery li{margin:0 0 6px;padding-left:10px;border-left:4px solid var(--line)}
.delivery .sent{border-color:#52c41a}.delivery .pending{border-color:#1677ff}.delivery .waiting{border-color:#faad14}
.delivery .failed{border-color:var(--red)}
.badge{display:inline-block;font-size:.85rem;font-weight:600;padding:0 6px;border-radius:4px}
.badge.sent{background:#f6ffed;color:var(--ok)}.badge.waiting{background:#fffbe6;color:var(--warn)}
.badge.failed{background:#fff1f0;color:#820014}.badge.pending{background:#e6f4ff;color:var(--focus)}
@media (min-width:1024px){
 .case{grid-template-columns:minmax(0,1fr) minmax(320px,400px);align-items:start}
 .case-main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
 .case-main .span{grid-column:1/-1}
 .scroll-y{max-height:calc(100vh - 150px);overflow-y:auto}
 .panel{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow-y:auto}}
`;
