/** The browser script of /tien-do: draws the counts-by-status chart from the page's JSON block (served as a file). */
export const PROGRESS_CHART_JS = `(function () {
  var el = document.getElementById('progress-data');
  var canvas = document.getElementById('status-chart');
  if (!el || !canvas || !window.Chart) return;
  var data = JSON.parse(el.textContent);
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels.map(function (l) { return l.split(' – '); }), datasets: [{ label: data.label, data: data.values, backgroundColor: data.colors }] },
    options: { animation: false, indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
`;
