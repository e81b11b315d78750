// Suggests units as the user types into a unit field (input[data-unit-picker]), from GET /api/v1/units?q=,
// which answers only units within the user's own scope. Without this script the field still works: the
// form's own search button lists matching units on the server. The suggestions follow the ARIA combobox
// pattern: arrow keys move through them, Enter picks one, Escape closes them, and a status line says how
// many were found.
(function () {
    'use strict';

    /** The most suggestions listed; a search may find more, and typing more narrows it. */
    var SHOWN = 10;

    function setUp(input) {
        var list = document.getElementById(input.id + '-suggestions');
        var status = document.getElementById(input.id + '-status');
        if (!list || !status || !window.fetch) {
            return;
        }
        var api = input.getAttribute('data-api');
        var timer = null;
        var request = 0;
        var active = -1;

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);
        list.setAttribute('role', 'listbox');

        function options() {
            return list.querySelectorAll('[role="option"]');
        }

        function close() {
            list.hidden = true;
            list.textContent = '';
            active = -1;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
        }

        function highlight(index) {
            var all = options();
            if (all.length === 0) {
                return;
            }
            active = (index + all.length) % all.length;
            for (var i = 0; i < all.length; i++) {
                all[i].classList.toggle('active', i === active);
                all[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
            }
            input.setAttribute('aria-activedescendant', all[active].id);
            all[active].scrollIntoView({ block: 'nearest' });
        }

        function pick(option) {
            input.value = option.getAttribute('data-code');
            close();
            status.textContent = option.textContent;
            input.focus();
        }

        function show(units) {
            list.textContent = '';
            active = -1;
            var shown = units.slice(0, SHOWN);
            shown.forEach(function (unit, index) {
                var item = document.createElement('li');
                item.id = input.id + '-option-' + index;
                item.className = 'list-group-item list-group-item-action';
                item.setAttribute('role', 'option');
                item.setAttribute('aria-selected', 'false');
                item.setAttribute('data-code', unit.code);
                item.textContent = unit.code + ' \u2013 ' + unit.name;
                item.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                    pick(item);
                });
                list.appendChild(item);
            });
            var found = units.length > 0;
            list.hidden = !found;
            input.setAttribute('aria-expanded', found ? 'true' : 'false');
            // Say how many can be chosen, not how many the search found: the list shows the first ten.
            status.textContent = !found ? status.getAttribute('data-none')
                : status.getAttribute(units.length > SHOWN ? 'data-more' : 'data-found')
                    .replace('{0}', String(shown.length));
        }

        function search() {
            var query = input.value.trim();
            if (query.length < 2) {
                close();
                return;
            }
            var mine = ++request;
            fetch(api + '?q=' + encodeURIComponent(query), {
                headers: { 'Accept': 'application/json' },
                credentials: 'same-origin'
            }).then(function (response) {
                return response.ok ? response.json() : [];
            }).then(function (units) {
                if (mine === request && document.activeElement === input) {
                    show(Array.isArray(units) ? units : []);
                }
            }).catch(function () {
                close();
            });
        }

        input.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(search, 250);
        });
        input.addEventListener('keydown', function (event) {
            var open = !list.hidden;
            if (event.key === 'ArrowDown') {
                event.preventDefault();
                if (open) {
                    highlight(active + 1);
                }
                else {
                    search();
                }
            }
            else if (event.key === 'ArrowUp' && open) {
                event.preventDefault();
                highlight(active - 1);
            }
            else if (event.key === 'Enter' && open && active >= 0) {
                event.preventDefault();
                pick(options()[active]);
            }
            else if (event.key === 'Escape' && open) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener('blur', function () {
            window.setTimeout(close, 150);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var inputs = document.querySelectorAll('input[data-unit-picker]');
        for (var i = 0; i < inputs.length; i++) {
            setUp(inputs[i]);
        }
    });
}());
