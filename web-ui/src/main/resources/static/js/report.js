// The report's print button: hidden without JavaScript, where the browser's own print command does the same.
(function () {
    var button = document.getElementById('print-report');
    if (!button) {
        return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
        window.print();
    });
})();
