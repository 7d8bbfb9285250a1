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

  function setUp(root) {
    root.querySelectorAll("[data-fx-today]").forEach(function (span) {
      span.textContent = today(span.getAttribute("data-fx-locale"));
    });
    root.querySelectorAll(".fx-cite__url[data-fx-anchor]").forEach(function (span) {
      // No site address configured at build time: cite the address the reader is on.
      var url = new URL(window.location.href);
      url.hash = span.getAttribute("data-fx-anchor");
      span.textContent = url.href;
    });
    root.querySelectorAll(".fx-cite__files[data-fx-root]").forEach(function (files) {
      if (files.dataset.fxReady) { return; }
      files.dataset.fxReady = "1";
      var text = files.parentNode.querySelector(".fx-cite__text");
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
    root.querySelectorAll("button[data-fx-copy]").forEach(function (button) {
      if (button.dataset.fxReady) { return; }
      button.dataset.fxReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  // Material's instant navigation swaps pages without a reload; document$ tells us when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
