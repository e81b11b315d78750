// Long-running forms (imports) show that they are working and cannot be sent twice.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-busy') || event.defaultPrevented) {
        return;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) {
        button.disabled = true;
        var spinner = button.querySelector('.spinner-border');
        if (spinner) {
            spinner.classList.remove('d-none');
        }
    }
    var status = form.querySelector('.busy-message');
    if (status) {
        status.textContent = status.getAttribute('data-message');
        status.classList.remove('visually-hidden');
        status.classList.add('ms-2', 'text-body-secondary');
    }
});
