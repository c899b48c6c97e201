/*
 * Small enhancements of the admin's pages.  Everything works without this
 * file; it only adds:
 *   - a warning before leaving a page whose form was changed and not sent;
 *   - a copy of the edit form's unsaved text in this browser
 *     (localStorage), offered back when the form is opened again with
 *     other text (after a crash, a closed tab, a lost connection), and
 *     dropped once the item is saved.
 * No inline script (the CSP forbids it), no third-party code, and no
 * markup built from strings: text goes in through textContent only.
 */
(function () {
	"use strict";

	var PREFIX = "broadside:edit:";
	var dirty = false;

	/* Forms worth a warning: posted, with something to type in. */
	function watched(form) {
		return form.method.toLowerCase() === "post" &&
		    !form.classList.contains("signout") &&
		    form.querySelector("textarea, input[type=text], " +
		    "input:not([type]), input[type=url], input[type=date], " +
		    "input[type=time], input[type=datetime-local]") !== null;
	}

	function onBeforeUnload(ev) {
		if (!dirty)
			return undefined;
		ev.preventDefault();
		/* Browsers show their own sentence; some still want a value. */
		ev.returnValue = "";
		return "";
	}

	/* The fields a backup keeps: every field with an id but hidden ones. */
	function fields(form) {
		var out = [], els = form.elements, i, el;

		for (i = 0; i < els.length; i++) {
			el = els[i];
			if (!el.id || !el.name || el.type === "hidden" ||
			    el.type === "submit" || el.type === "button")
				continue;
			out.push(el);
		}
		return out;
	}

	function snapshot(form) {
		var data = {}, els = fields(form), i;

		for (i = 0; i < els.length; i++)
			data[els[i].id] = els[i].type === "checkbox" ?
			    (els[i].checked ? "1" : "") : els[i].value;
		return data;
	}

	function differs(form, data) {
		var els = fields(form), i, v;

		for (i = 0; i < els.length; i++) {
			if (!Object.prototype.hasOwnProperty.call(data,
			    els[i].id))
				continue;
			v = els[i].type === "checkbox" ?
			    (els[i].checked ? "1" : "") : els[i].value;
			if (v !== data[els[i].id])
				return true;
		}
		return false;
	}

	function restore(form, data) {
		var els = fields(form), i, id;

		for (i = 0; i < els.length; i++) {
			id = els[i].id;
			if (!Object.prototype.hasOwnProperty.call(data, id))
				continue;
			if (els[i].type === "checkbox")
				els[i].checked = data[id] === "1";
			else
				els[i].value = data[id];
		}
	}

	function storage() {
		try {
			var s = window.localStorage, k = PREFIX + "test";

			s.setItem(k, "1");
			s.removeItem(k);
			return s;
		} catch (e) {
			return null;
		}
	}

	/* Drops every backup of one item (all versions). */
	function forget(store, item) {
		var i, k, gone = [];

		for (i = 0; i < store.length; i++) {
			k = store.key(i);
			if (k !== null && k.indexOf(PREFIX + item + ":") === 0)
				gone.push(k);
		}
		for (i = 0; i < gone.length; i++)
			store.removeItem(gone[i]);
	}

	/* The offer to bring the kept text back, above the form. */
	function offer(form, store, key, saved) {
		var box = document.createElement("div");
		var p = document.createElement("p");
		var yes = document.createElement("button");
		var no = document.createElement("button");
		var when = saved.at ? new Date(saved.at) : null;

		box.className = "backup-offer";
		box.setAttribute("role", "region");
		box.setAttribute("aria-label", "Unsaved text found");
		p.textContent = "This browser kept text you typed in this form " +
		    "and did not save" + (when && !isNaN(when.getTime()) ?
		    " (" + when.toLocaleString() + ")" : "") +
		    ". Bring it back into the form?";
		yes.type = "button";
		yes.className = "primary";
		yes.textContent = "Restore my text";
		no.type = "button";
		no.textContent = "Discard it";
		yes.addEventListener("click", function () {
			restore(form, saved.fields);
			dirty = true;
			box.parentNode.removeChild(box);
			form.querySelector("input, textarea").focus();
		});
		no.addEventListener("click", function () {
			store.removeItem(key);
			box.parentNode.removeChild(box);
		});
		box.appendChild(p);
		box.appendChild(yes);
		box.appendChild(document.createTextNode(" "));
		box.appendChild(no);
		form.parentNode.insertBefore(box, form);
	}

	function backup(form) {
		var store = storage(), item, key, raw, saved, timer = null;

		if (store === null)
			return;
		item = form.getAttribute("data-item") ||
		    "new-" + (form.getAttribute("data-kind") || "item");
		key = PREFIX + item + ":" + (form.getAttribute("data-version") ||
		    "0");
		/* The page after a successful save: nothing left to keep. */
		if (form.getAttribute("data-saved") === "1") {
			forget(store, item);
			forget(store, "new-" +
			    (form.getAttribute("data-kind") || "item"));
			return;
		}
		try {
			raw = store.getItem(key);
			saved = raw !== null ? JSON.parse(raw) : null;
		} catch (e) {
			saved = null;
		}
		if (saved && saved.fields && differs(form, saved.fields))
			offer(form, store, key, saved);
		else if (saved)
			store.removeItem(key);

		function keep() {
			timer = null;
			try {
				store.setItem(key, JSON.stringify({
					at: Date.now(),
					fields: snapshot(form)
				}));
			} catch (e) {
				/* Full or refused: the warning still protects. */
			}
		}
		form.addEventListener("input", function () {
			if (timer !== null)
				window.clearTimeout(timer);
			timer = window.setTimeout(keep, 800);
		});
		/* Leaving within the pause: keep the last words too. */
		window.addEventListener("pagehide", function () {
			if (timer !== null) {
				window.clearTimeout(timer);
				keep();
			}
		});
	}

	function init() {
		var forms = document.querySelectorAll("main form"), i, f;

		for (i = 0; i < forms.length; i++) {
			f = forms[i];
			if (!watched(f))
				continue;
			f.addEventListener("input", function () {
				dirty = true;
			});
			f.addEventListener("change", function () {
				dirty = true;
			});
		}
		/* Any real submit leaves the page on purpose. */
		document.addEventListener("submit", function (ev) {
			var s = ev.submitter;

			/* A preview opens another tab: this page stays. */
			if (s && s.getAttribute("formtarget") === "_blank")
				return;
			dirty = false;
		});
		window.addEventListener("beforeunload", onBeforeUnload);
		f = document.getElementById("edit-form");
		if (f !== null)
			backup(f);
	}

	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", init);
	else
		init();
})();
