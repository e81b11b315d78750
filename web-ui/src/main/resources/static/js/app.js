// A page that comes back with what was refused takes the focus there, so that it is read out and seen first rather
// than left below the fold of a long page: the list of problems (an alert that may take the focus), else the first
// field marked invalid. A page that comes back to say what was done takes the focus on that message: a status
// already on the page as it loads is not read out by most screen readers. When the address names a place of the page
// (an entry's #comments), only a message there, or the place's own status (the count of what the review queue's
// filters found).
(function () {
    var place = window.location.hash
        ? document.getElementById(window.location.hash.substring(1)) : document;
    var target = place && (place.querySelector('.alert-danger[tabindex="-1"]') || place.querySelector('.is-invalid')
        || place.querySelector('.alert[role="status"][tabindex="-1"]')
        || (window.location.hash && place.querySelector('[role="status"][tabindex="-1"]')));
    if (!target) {
        return;
    }
    if (window.location.hash) {
        // The browser's own move to the named place, as the page loads, takes the focus back to the page: after it.
        window.addEventListener('load', function () {
            target.focus();
        });
    }
    else {
        target.focus();
    }
})();

// No form that changes something is sent twice: a second click while the first was on its way (a double click, a
// slow link) created a second plan, or answered "changed meanwhile" to the browser, which showed that instead of the
// first answer, with a new account's one-time password. Long-running forms (imports, marked data-busy) also show that
// they are working; their button is disabled.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented) {
        return;
    }
    // A form the page answers for itself (novalidate) is sent with empty fields, for the server to name them in the
    // page's language, but never with a file found too large below: the browser no longer stops it.
    var tooLarge = Array.prototype.find.call(form.querySelectorAll('input[type="file"][data-max-bytes]'),
        function (input) {
            return input.validity.customError;
        });
    if (tooLarge) {
        event.preventDefault();
        tooLarge.focus();
        var error = document.getElementById(tooLarge.getAttribute('data-error'));
        error.hidden = true;
        window.setTimeout(function () {
            error.hidden = false;
        }, 50);
        return;
    }
    if (form.method === 'post') {
        if (form.hasAttribute('data-sent')) {
            event.preventDefault();
            return;
        }
        form.setAttribute('data-sent', '');
    }
    if (!form.hasAttribute('data-busy')) {
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

// A file over the server's limit is refused here, before a slow link spends minutes sending it only to be told
// no. The server still checks every upload; this only spares the wait. The field stays invalid, so the form
// cannot be sent, and the message beside it is announced.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[type="file"][data-max-bytes]')) {
        return;
    }
    var limit = Number(input.getAttribute('data-max-bytes'));
    var tooLarge = Array.prototype.some.call(input.files, function (file) {
        return file.size > limit;
    });
    var errorId = input.getAttribute('data-error');
    var error = document.getElementById(errorId);
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && id !== errorId;
    });
    if (tooLarge) {
        described.push(errorId);
    }
    input.setAttribute('aria-describedby', described.join(' '));
    input.setCustomValidity(tooLarge ? error.textContent : '');
    input.classList.toggle('is-invalid', tooLarge);
    input.setAttribute('aria-invalid', String(tooLarge));
    // Hidden first, so that a second file too large is announced again.
    error.hidden = true;
    if (tooLarge) {
        window.setTimeout(function () {
            error.hidden = false;
        }, 50);
    }
});

// A background job's page shows its progress while it runs and reloads once it is done, when the result is there
// to fetch. The status line is spoken at most once per tenth of the way, not on every poll.
(function () {
    var box = document.querySelector('[data-job-progress]');
    if (!box) {
        return;
    }
    var bar = box.querySelector('progress');
    var status = box.querySelector('[role="status"]');
    var spokenTenth = Math.floor(bar.value / 10);
    function poll() {
        fetch(box.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                return response.ok ? response.json() : Promise.reject(response.status);
            })
            .then(function (job) {
                if (job.finished) {
                    window.location.reload();
                    return;
                }
                bar.value = job.percent;
                var tenth = Math.floor(job.percent / 10);
                if (job.total > 0 && tenth !== spokenTenth) {
                    spokenTenth = tenth;
                    // Worded by the server, in the page's language, plural forms and all.
                    status.textContent = job.text;
                }
                window.setTimeout(poll, 2000);
            })
            .catch(function () {
                window.setTimeout(poll, 5000);
            });
    }
    window.setTimeout(poll, 1000);
})();

// The review queue's "select all" box, for the keyboard as for the mouse: it ticks or clears every row's box, and
// shows itself mixed while only some are ticked.
(function () {
    var all = document.getElementById('select-all');
    if (!all) {
        return;
    }
    var table = document.getElementById(all.getAttribute('aria-controls'));
    var rows = table.querySelectorAll('input[name="selected"]');
    function reflect() {
        var ticked = Array.prototype.filter.call(rows, function (box) {
            return box.checked;
        }).length;
        all.checked = ticked > 0 && ticked === rows.length;
        all.indeterminate = ticked > 0 && ticked < rows.length;
    }
    all.closest('.select-all').hidden = rows.length === 0;
    all.addEventListener('change', function () {
        Array.prototype.forEach.call(rows, function (box) {
            box.checked = all.checked;
        });
        reflect();
    });
    table.addEventListener('change', function (event) {
        if (event.target !== all) {
            reflect();
        }
    });
    reflect();
})();

// A menu of the bar (a <details>, which opens and closes without JavaScript) also closes on a click elsewhere, when
// the keyboard's focus moves on past it (it stayed open over the page being read), and on Escape, as menus do.
function closeMenusOutside(event) {
    document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
        if (!menu.contains(event.target)) {
            menu.open = false;
        }
    });
}
document.addEventListener('click', closeMenusOutside);
document.addEventListener('focusin', closeMenusOutside);
// Bootstrap's dropdown script answers the keys pressed in any .dropdown-menu, whose look these menus borrow, and,
// finding no toggle button of its own, threw on Escape and the arrows. It listens on the document as the event comes
// down (capture): keys in these menus stop before, on the window, Escape closing the menu as below.
window.addEventListener('keydown', function (event) {
    var list = event.target.closest && event.target.closest('details.nav-menu > .dropdown-menu');
    if (!list) {
        return;
    }
    event.stopPropagation();
    if (event.key === 'Escape') {
        list.parentElement.open = false;
        list.parentElement.querySelector('summary').focus();
    }
}, true);
document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
        return;
    }
    var menus = document.querySelectorAll('details.nav-menu[open]');
    menus.forEach(function (menu) {
        menu.open = false;
        menu.querySelector('summary').focus();
    });
    // On a phone the bar's items fold into a panel under its button: once no menu in it is open, Escape folds the
    // panel too, and the focus goes back to the button, as it does for a menu.
    var panel = document.querySelector('.navbar-collapse.show');
    if (menus.length === 0 && panel && window.bootstrap) {
        bootstrap.Collapse.getOrCreateInstance(panel, { toggle: false }).hide();
        var button = document.querySelector('[data-bs-target="#' + panel.id + '"]');
        if (button) {
            button.focus();
        }
    }
});

// The phone's menu button is a link (it opens the panel without JavaScript too): Space presses it, as it does a button.
document.addEventListener('keydown', function (event) {
    if (event.key === ' ' && event.target.matches && event.target.matches('a.navbar-toggler[role="button"]')) {
        event.preventDefault();
        event.target.click();
    }
});

// A table wider than the screen scrolls sideways in its box (on a phone, a criterion's history or a version's
// criteria). Such a box joins the tab order, so that the keyboard can reach and scroll it, as a group named as its
// table is, so that a screen reader says which table it is rather than nothing (a group, not a region: a region is a
// landmark, and one named as the section around it repeated that landmark's name); boxes that fit stay out.
(function () {
    function reachScrollingTables() {
        document.querySelectorAll('.table-responsive').forEach(function (box, index) {
            var table = box.querySelector('table');
            if (box.scrollWidth > box.clientWidth) {
                box.setAttribute('tabindex', '0');
                box.setAttribute('role', 'group');
                if (table && table.hasAttribute('aria-labelledby')) {
                    box.setAttribute('aria-labelledby', table.getAttribute('aria-labelledby'));
                }
                else if (table && table.hasAttribute('aria-label')) {
                    box.setAttribute('aria-label', table.getAttribute('aria-label'));
                }
                else if (table && table.caption) {
                    table.caption.id = table.caption.id || 'table-caption-' + index;
                    box.setAttribute('aria-labelledby', table.caption.id);
                }
            }
            else {
                ['tabindex', 'role', 'aria-labelledby', 'aria-label'].forEach(function (name) {
                    box.removeAttribute(name);
                });
            }
        });
    }
    reachScrollingTables();
    window.addEventListener('resize', reachScrollingTables);
})();

// Back and Forward show a page the browser keeps (a scorecard, a dashboard: an ETag and "no-cache") as it was, without
// asking the server, though a save or an approval made since may have moved its figures. Such a page, shown from the
// browser's copy alone, is asked for again: a 304 of a few hundred bytes when nothing changed.
window.addEventListener('pageshow', function (event) {
    var navigation = window.performance && performance.getEntriesByType
        ? performance.getEntriesByType('navigation')[0] : null;
    var fromCopy = event.persisted
        || (navigation && navigation.type === 'back_forward' && navigation.transferSize === 0);
    if (fromCopy) {
        window.location.reload();
    }
});
