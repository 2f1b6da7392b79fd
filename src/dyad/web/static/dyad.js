/* Dyad: link previews in the reader, the highlight, and keyboard shortcuts.
   Plain script, no library; the pages work without it (previews then show as link titles). */
(function () {
  "use strict";

  /* "/" focuses the search box, as on many sites; Escape closes a preview. */
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    } else if (event.key === "Escape") {
      hidePreview(true);
    }
  });

  /* ------------------------------------------------------------ link previews */
  var card = null;
  var current = null;
  var showTimer = 0;
  var hideTimer = 0;

  function ensureCard() {
    if (!card) {
      card = document.createElement("div");
      card.id = "preview-card";
      card.className = "preview-card";
      card.setAttribute("role", "tooltip");
      card.hidden = true;
      card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      card.addEventListener("mouseleave", function () { scheduleHide(); });
      document.body.appendChild(card);
    }
    return card;
  }

  function showPreview(anchor) {
    var source = document.getElementById("pv-" + anchor.getAttribute("data-p"));
    if (!source) { return; }
    var box = ensureCard();
    clearTimeout(hideTimer);
    if (current === anchor && !box.hidden) { return; }
    current = anchor;
    box.replaceChildren();
    Array.prototype.forEach.call(source.childNodes, function (node) {
      box.appendChild(node.cloneNode(true));
    });
    var more = document.createElement("p");
    more.className = "pv-more";
    more.textContent = "Enter or click: everything stored about it";
    box.appendChild(more);
    box.hidden = false;
    place(anchor, box);
  }

  function place(anchor, box) {
    var rect = anchor.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + window.scrollY + 8;
    var height = box.offsetHeight;
    if (rect.bottom + height + 16 > window.innerHeight && rect.top > height + 16) {
      top = rect.top + window.scrollY - height - 8;  /* no room below: above the link */
    }
    box.style.left = left + "px";
    box.style.top = top + "px";
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { hidePreview(false); }, 250);
  }

  function hidePreview() {
    clearTimeout(showTimer);
    if (card) { card.hidden = true; }
    current = null;
  }

  function anchorOf(node) {
    return node && node.closest ? node.closest("a.anchor[data-p]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var anchor = anchorOf(event.target);
    if (!anchor) { return; }
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    showTimer = setTimeout(function () { showPreview(anchor); }, 350);
  });
  document.addEventListener("mouseout", function (event) {
    var anchor = anchorOf(event.target);
    if (!anchor) { return; }
    clearTimeout(showTimer);
    scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var anchor = anchorOf(event.target);
    if (anchor) { showPreview(anchor); } else { hidePreview(); }
  });

  /* ------------------------------------------------------------ timeline readout */
  function readout(event) {
    var mark = event.target && event.target.closest ? event.target.closest("svg.timeline a.mark") : null;
    var out = document.getElementById("tl-readout");
    if (!mark || !out) { return; }
    var title = mark.querySelector("title");
    if (title) { out.textContent = title.textContent; }
  }
  document.addEventListener("mouseover", readout);
  document.addEventListener("focusin", readout);

  /* ------------------------------------------------------------ highlight and targets */
  function focusTarget() {
    var id = window.location.hash.slice(1);
    /* a crafted fragment (#%E0%A4%A) is not valid percent-encoding: use it as it stands */
    try { id = decodeURIComponent(id); } catch (error) { /* URIError: keep the raw text */ }
    if (!id) { return; }
    var element = document.getElementById(id);
    if (!element) { return; }
    if (element.classList.contains("ev") === false && element.parentElement && element.parentElement.classList.contains("ev") && element.childNodes.length === 0) {
      element = element.parentElement;  /* a second event of the same sentence */
    }
    document.querySelectorAll(".ev.flash").forEach(function (e) { e.classList.remove("flash"); });
    if (element.classList.contains("ev")) { element.classList.add("flash"); }
    element.scrollIntoView({ block: "center" });
    if (element.tabIndex >= -1 && (element.id === "hl" || element.tagName === "TR" || element.tagName === "ARTICLE")) {
      element.focus({ preventScroll: true });
    }
  }
  window.addEventListener("hashchange", focusTarget);
  /* after the browser's own jump to the fragment, so that ours (centred) wins */
  if (document.readyState === "complete") {
    setTimeout(focusTarget, 0);
  } else {
    window.addEventListener("load", function () { setTimeout(focusTarget, 0); });
  }
})();
