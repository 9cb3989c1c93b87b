// Steward's executive dashboard: draws each <canvas data-chart="{labels, datasets}"> as a Chart.js
// line chart of balanced scores (0-100). The data comes from the server-rendered page (the CSP allows
// no inline scripts); every chart also has a text alternative and a data table on the page.
(function () {
  "use strict";
  var palette = ["#0b5cad", "#b3261e", "#146c2e", "#8a5300", "#6a1b9a", "#00696f", "#4a5562", "#c2185b"];

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var datasets = data.datasets.map(function (set, i) {
      var colour = palette[i % palette.length];
      return {
        label: set.label,
        data: set.data,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        pointRadius: 4,
        pointStyle: ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded", "cross"][i % 8],
        spanGaps: false,
        tension: 0.2
      };
    });
    var chart = new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 0, max: 100, title: { display: true, text: "Balanced score" } }
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: { mode: "index", intersect: false }
        }
      }
    });
    canvas.setAttribute("data-drawn", "true");
    return chart;
  }

  function drawAll() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
