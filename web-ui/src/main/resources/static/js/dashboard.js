// Draws the dashboard's charts from their JSON endpoint. Without JavaScript, or if the request fails, the tables
// beside the charts show the same figures and the canvases stay hidden.
document.addEventListener('DOMContentLoaded', function () {
    var canvases = document.querySelectorAll('canvas[data-chart]');
    if (canvases.length === 0 || typeof Chart === 'undefined') {
        return;
    }
    var readerMoved = false;
    ['wheel', 'touchstart', 'keydown'].forEach(function (type) {
        window.addEventListener(type, function () {
            readerMoved = true;
        }, { once: true, passive: true });
    });
    fetch(canvases[0].getAttribute('data-src'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
            return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (charts) {
            canvases.forEach(function (canvas) {
                var series = charts[canvas.getAttribute('data-chart')];
                if (!series || series.labels.length === 0) {
                    return;
                }
                var max = canvas.getAttribute('data-max');
                canvas.hidden = false;
                new Chart(canvas, {
                    type: canvas.getAttribute('data-type'),
                    data: { labels: series.labels, datasets: [{ label: canvas.getAttribute('data-label'), data: series.values }] },
                    // The page's number format; whole ticks: axes count communes or percents.
                    options: {
                        animation: false,
                        locale: document.documentElement.lang,
                        plugins: { legend: { display: false } },
                        scales: { y: { beginAtZero: true, max: max ? Number(max) : undefined, ticks: { precision: 0 } } }
                    }
                });
            });
            // The charts, drawn above the place the address names (the ranking, after a sort), pushed it down out
            // of sight: back to it, unless the reader has scrolled meanwhile.
            var place = window.location.hash && document.getElementById(window.location.hash.substring(1));
            if (place && !readerMoved) {
                place.scrollIntoView();
            }
        })
        .catch(function () { /* the tables remain */ });
});
