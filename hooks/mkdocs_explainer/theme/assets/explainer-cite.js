/* "Cite this" on fact cards: the reader's access date, the page's own address, and a copy button.
   Local file, no network: the clipboard API where the browser allows it, else select + execCommand. */
(function () {
  "use strict";

  function today(locale) {
    // "25 November 2026" (en-GB), "2026년 11월 25일" (ko): the page's own date style, in the reader's time zone.
    return new Intl.DateTimeFormat(locale || document.documentElement.lang || "en-GB",
                                   { day: "numeric", month: "long", year: "numeric" }).format(new Date());
  }

  function copyBySelection(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    return copied;  // left selected on failure, so the reader can press Ctrl+C
  }

  function copy(button) {
    var text = document.getElementById(button.getAttribute("data-fx-copy"));
    var status = button.parentNode.querySelector(".fx-cite__status");
    var say = function (message) { if (status) { status.textContent = message; } };
    var value = text.textContent.replace(/\s+/g, " ").trim();
    // The messages come with the button, translated with the page (templates/_cite.html).
    var copied = button.getAttribute("data-fx-copied") || "Copied.";
    var selected = button.getAttribute("data-fx-select") || "Selected: press Ctrl+C (or ⌘C) to copy.";
    var fallback = function () {
      say(copyBySelection(text) ? copied : selected);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () { say(copied); }, fallback);
    } else {
      fallback();
    }
  }

  // One card's "Cite this", when the reader opens it: setting up every card of a long page when it loads
  // changed hundreds of elements at once, the page's longest task on a phone (Lighthouse: 345 ms of blocking).
  function setUp(details) {
    if (details.dataset.fxReady) { return; }
    details.dataset.fxReady = "1";
    details.querySelectorAll("[data-fx-today]").forEach(function (span) {
      span.textContent = today(span.getAttribute("data-fx-locale"));
    });
    details.querySelectorAll(".fx-cite__url[data-fx-anchor]").forEach(function (span) {
      // No site address configured at build time: cite the address the reader is on.
      var url = new URL(window.location.href);
      url.hash = span.getAttribute("data-fx-anchor");
      span.textContent = url.href;
    });
    var text = details.querySelector(".fx-cite__text");
    details.querySelectorAll(".fx-cite__files[data-fx-root]").forEach(function (files) {
      if (!text || text.id.indexOf("cite-") !== 0) { return; }
      var base = files.getAttribute("data-fx-root") + "cite/" + text.id.slice(5);
      [["csl.json", "CSL-JSON"], ["bib", "BibTeX"], ["ris", "RIS"]].forEach(function (format, index) {
        var link = document.createElement("a");
        link.href = base + "." + format[0];
        link.setAttribute("download", "");
        link.textContent = format[1];
        files.appendChild(document.createTextNode(index ? " · " : " "));
        files.appendChild(link);
      });
      files.hidden = false;
    });
    details.querySelectorAll("button[data-fx-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  function citeOf(node) {
    return node && node.closest ? node.closest("details.fx-cite") : null;
  }

  // A click on the summary (Enter and Space on it are clicks too) comes before the details open, so the copy
  // button is there for the Tab that follows; "toggle" catches the other ways in (find in page, scripts).
  document.addEventListener("click", function (event) {
    var summary = event.target.closest ? event.target.closest("summary") : null;
    var details = citeOf(summary);
    if (details && summary.parentNode === details) { setUp(details); }
  }, true);
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.fx-cite") && event.target.open) { setUp(event.target); }
  }, true);

  // Those open from the start. Material's instant navigation swaps pages without a reload; document$ says when.
  function setUpOpen() {
    document.querySelectorAll("details.fx-cite[open]").forEach(setUp);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpOpen);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpOpen);
  } else {
    setUpOpen();
  }
})();
