/** The browser script of /thong-ke: draws the on-time bar chart from the page's JSON block (served as a file). */
export const STATS_CHART_JS = `(function () {
  var el = document.getElementById('stats-data');
  var canvas = document.getElementById('on-time-chart');
  if (!el || !canvas || !window.Chart) return;
  var data = JSON.parse(el.textContent);
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: '#a8071a' }] },
    options: { animation: false, indexAxis: 'y', maintainAspectRatio: false, scales: { x: { min: 0, max: 100 } } }
  });
})();
`;
