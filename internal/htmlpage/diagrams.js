// Draws the page's Mermaid diagrams. Each fenced mermaid block is a
// <pre><code class="language-mermaid"> holding its source as text. A block
// that draws becomes a <figure class="diagram"> holding the SVG, with the
// source folded away under it. A block that does not draw stays as code,
// with a note above it saying why, and the others still draw. When all are
// done, <html data-diagrams> says how many drew ("3 drawn, 0 failed").
(function () {
  "use strict";
  var root = document.documentElement;
  if (typeof mermaid === "undefined") {
    root.setAttribute("data-diagrams", "unavailable");
    return;
  }
  mermaid.initialize({
    startOnLoad: false,
    // No clicks that run code or follow links, labels sanitized.
    securityLevel: "strict",
    // Labels keep text formatting and nothing else: "strict" alone lets
    // <img src=…> through, a load the page's policy then has to refuse.
    dompurifyConfig: {
      ALLOWED_TAGS: ["b", "strong", "i", "em", "u", "s", "del", "sub", "sup", "br", "p", "span", "code"],
      ALLOWED_ATTR: ["class"]
    },
    theme: "neutral",
    fontFamily: "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif"
  });

  var blocks = document.querySelectorAll("pre > code.language-mermaid");

  async function draw(code, n) {
    var pre = code.parentElement;
    var id = "diagram-" + n;
    try {
      var out = await mermaid.render(id, code.textContent);
      var figure = document.createElement("figure");
      figure.className = "diagram";
      // Mermaid's SVG, sanitized by Mermaid under securityLevel "strict";
      // the page's Content-Security-Policy runs no script it holds.
      figure.innerHTML = out.svg;
      var source = document.createElement("details");
      source.className = "diagram-source";
      var summary = document.createElement("summary");
      summary.textContent = "Diagram source (Mermaid)";
      source.appendChild(summary);
      pre.replaceWith(figure);
      source.appendChild(pre);
      figure.appendChild(source);
      return true;
    } catch (err) {
      // Mermaid can leave its scratch element behind when it fails.
      var scratch = document.getElementById("d" + id);
      if (scratch) {
        scratch.remove();
      }
      var note = document.createElement("p");
      note.className = "diagram-error";
      var message = String((err && err.message) || err).split("\n")[0].replace(/:$/, "").slice(0, 200);
      note.textContent = "This diagram could not be drawn (" + message + "); its Mermaid source is below.";
      pre.before(note);
      return false;
    }
  }

  (async function () {
    var drawn = 0;
    for (var i = 0; i < blocks.length; i++) {
      if (await draw(blocks[i], i + 1)) {
        drawn++;
      }
    }
    root.setAttribute("data-diagrams", drawn + " drawn, " + (blocks.length - drawn) + " failed");
  })();
})();
