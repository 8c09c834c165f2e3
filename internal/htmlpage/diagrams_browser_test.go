package htmlpage

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The page draws its mermaid blocks in a real browser, offline: each an
// <svg> with the names it was given, a broken one left as code with the
// others drawn, hostile ones running and loading nothing, and the policy
// refusing what an injection would try.
func TestBrowserDiagrams(t *testing.T) {
	browser := newBrowser(t)

	// The diagrams prodgen itself writes: every example's tech.md, as
	// the offline engine made it, draws without a failure.
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "docs", "tech.md"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no example tech specs: %v", err)
	}
	for _, tech := range examples {
		docs := filepath.Dir(tech)
		t.Run("example "+filepath.Base(filepath.Dir(docs)), func(t *testing.T) {
			src, err := os.ReadFile(tech)
			if err != nil {
				t.Fatal(err)
			}
			n := strings.Count(string(src), "```mermaid")
			if n < 2 {
				t.Fatalf("%s has %d mermaid blocks, want the data model's, the components' and the waves'", tech, n)
			}
			tb := open(t, browser, build(t, filepath.Join("..", docs), nil))
			if got, want := tb.waitDrawn(t), fmt.Sprintf("%d drawn, 0 failed", n); got != want {
				t.Errorf("html[data-diagrams] = %q, want %q", got, want)
			}
		})
	}

	t.Run("three diagrams drawn offline", func(t *testing.T) {
		tb := open(t, browser, build(t, "diagrams", nil))
		if got, want := tb.waitDrawn(t), "3 drawn, 0 failed"; got != want {
			t.Errorf("html[data-diagrams] = %q, want %q", got, want)
		}
		tb.screenshot(t)
		want := []struct {
			kind  string
			words []string
		}{
			{"flowchart-v2", []string{"Patient", "QR code entry", "API service", "Data store", "SMS gateway adapter", "Reporting", "scans the QR code", "QueueLess"}},
			{"er", []string{"QUEUE", "QUEUE_ENTRY", "PATIENT", "REPORT", "first_name", "phone_number", "holds", "is for", "called, seen or left"}},
			{"flowchart-v2", []string{"Wave 1", "Wave 2", "Wave 3", "T-001 Queue entry model", "T-014 Daily reports"}},
		}
		got := tb.diagrams(t)
		if len(got) != len(want) {
			t.Fatalf("the page has %d mermaid blocks, want %d", len(got), len(want))
		}
		for i, d := range got {
			if !d.Drawn {
				t.Errorf("diagram %d is not an <svg> (note %q)", i+1, d.Note)
				continue
			}
			if d.Kind != want[i].kind {
				t.Errorf("diagram %d is a %q, want %q", i+1, d.Kind, want[i].kind)
			}
			for _, w := range want[i].words {
				if !strings.Contains(d.Text, w) {
					t.Errorf("diagram %d's SVG lacks %q: %q", i+1, w, d.Text)
				}
			}
			if d.SourceShown || d.Note != "" {
				t.Errorf("diagram %d: its source is on screen (%v) or it has a note (%q)", i+1, d.SourceShown, d.Note)
			}
		}
		tb.checkQuiet(t, false)
		if len(tb.requests()) == 0 {
			t.Error("no request recorded, not even the page's own: the recording is broken")
		}
	})

	t.Run("a diagram that cannot be drawn stays code", func(t *testing.T) {
		broken := "flowchart LR\n    Patient([Patient]) -->|scans the QR code| QR\n    QR[\"QR code entry\" --> (\n"
		tb := open(t, browser, build(t, "diagrams", []edit{{"tech", "flowchart LR\n    Patient([Patient]) -->|scans the QR code| QR\n", broken}}))
		if got, want := tb.waitDrawn(t), "2 drawn, 1 failed"; got != want {
			t.Errorf("html[data-diagrams] = %q, want %q", got, want)
		}
		tb.screenshot(t)
		got := tb.diagrams(t)
		if len(got) != 3 {
			t.Fatalf("the page has %d mermaid blocks, want 3", len(got))
		}
		if d := got[0]; d.Drawn || !d.SourceShown || !strings.HasPrefix(d.Source, broken) ||
			!strings.HasPrefix(d.Note, "This diagram could not be drawn (Parse error on line 3); its Mermaid source is below.") {
			t.Errorf("the broken diagram: drawn %v, source on screen %v, source %q, note %q", d.Drawn, d.SourceShown, d.Source, d.Note)
		}
		if !got[1].Drawn || !got[2].Drawn {
			t.Errorf("the diagrams after the broken one are not drawn: %v, %v", got[1].Drawn, got[2].Drawn)
		}
		// Mermaid's own drawing of the error is not left in the page.
		stray, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg:not(figure.diagram > svg)").length`))
		if err != nil || stray != 0 {
			t.Errorf("%d SVGs outside the diagrams (%v)", stray, err)
		}
		tb.checkQuiet(t, false)
	})

	t.Run("hostile diagrams run nothing and load nothing", func(t *testing.T) {
		var blocks strings.Builder
		for _, h := range hostileDiagrams {
			blocks.WriteString("```mermaid\n" + h + "```\n\n")
		}
		html := build(t, "diagrams", []edit{{"tech", "## Open questions\n", blocks.String() + "## Open questions\n"}})
		checkSelfContained(t, parsePage(t, html))
		tb := open(t, browser, html)
		// The text is not Mermaid; the huge one is drawn as Mermaid's
		// "Maximum text size in diagram exceeded".
		if got, want := tb.waitDrawn(t), "6 drawn, 1 failed"; got != want {
			t.Errorf("html[data-diagrams] = %q, want %q", got, want)
		}
		tb.screenshot(t)
		injected, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`String(window.prodgenInjected)`))
		if err != nil || injected != "undefined" {
			t.Errorf("window.prodgenInjected = %s (%v)", injected, err)
		}
		bad, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](dangerousJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) > 0 {
			t.Errorf("the page has dangerous elements or attributes: %q", bad)
		}
		got := tb.diagrams(t)
		if len(got) != 3+len(hostileDiagrams) {
			t.Fatalf("the page has %d mermaid blocks, want %d", len(got), 3+len(hostileDiagrams))
		}
		for i, h := range hostileDiagrams {
			d := got[3+i]
			if d.Source != h {
				t.Errorf("hostile block %d's source is not kept as it was: %q", i+1, d.Source)
			}
			if d.Drawn == d.SourceShown || d.Drawn == (d.Note != "") {
				t.Errorf("hostile block %d: drawn %v, yet source on screen %v, note %q", i+1, d.Drawn, d.SourceShown, d.Note)
			}
		}
		if d := got[5]; d.Drawn {
			t.Errorf("the text was drawn: %q", d.Text)
		}
		if d := got[6]; !strings.Contains(d.Text, "Maximum text size in diagram exceeded") {
			t.Errorf("the huge diagram is not drawn as too large: %q", d.Text)
		}
		tb.checkQuiet(t, true)
	})

	t.Run("the policy refuses loads and foreign scripts", func(t *testing.T) {
		tb := open(t, browser, build(t, "diagrams", nil))
		tb.waitDrawn(t)
		violations, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](injectJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"connect-src", "img-src", "script-src-attr", "script-src-elem"}
		if !slices.Equal(violations, want) {
			t.Errorf("violations = %q, want %q", violations, want)
		}
		injected, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`String(window.prodgenInjected)`))
		if err != nil || injected != "undefined" {
			t.Errorf("window.prodgenInjected = %s (%v)", injected, err)
		}
		// The image was refused before it went out.
		for _, r := range tb.requests() {
			if r.url != tb.url && r.blocked != "csp" {
				t.Errorf("the page made a request the policy did not refuse: %s (%q)", r.url, r.blocked)
			}
		}
	})

	t.Run("a page without diagrams has no script", func(t *testing.T) {
		tb := open(t, browser, build(t, "clinic-queue", nil))
		state, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(document.documentElement.dataset.diagrams || "none") + ", " + document.scripts.length + " scripts"`))
		if err != nil || state != "none, 0 scripts" {
			t.Errorf("diagrams and scripts: %q (%v), want %q", state, err, "none, 0 scripts")
		}
		tb.checkQuiet(t, false)
	})
}

// dangerousJS lists the elements of the page that could run script or
// load something, and every event handler or javascript: attribute.
const dangerousJS = `[...document.querySelectorAll("*")].flatMap(el => {
	const out = [];
	if (el.matches("img, iframe, object, embed, link, image, video, audio, source, base, form") ||
		(el.matches("script") && el.parentElement !== document.body)) {
		out.push(el.outerHTML.slice(0, 120));
	}
	for (const a of el.attributes) {
		const remote = !a.name.startsWith("xmlns") && /^\s*(https?:|\/\/)/i.test(a.value);
		if (a.name.startsWith("on") || /^\s*javascript:/i.test(a.value) || remote) {
			out.push(el.tagName + " " + a.name + "=" + a.value.slice(0, 60));
		}
	}
	return out;
})`

// injectJS does in the page what an injection would: an inline script, an
// image from elsewhere, an event handler and a fetch. It returns the
// directives the page's policy refused them by.
const injectJS = `new Promise(done => {
	const seen = [];
	document.addEventListener("securitypolicyviolation", e => seen.push(e.effectiveDirective));
	const s = document.createElement("script");
	s.textContent = "window.prodgenInjected = 'script'";
	document.body.append(s);
	const img = document.createElement("img");
	img.src = "http://127.0.0.1:9/x.png";
	document.body.append(img);
	const b = document.createElement("button");
	b.setAttribute("onclick", "window.prodgenInjected = 'handler'");
	document.body.append(b);
	b.click();
	fetch("http://127.0.0.1:9/x").catch(() => {});
	setTimeout(() => done(seen.sort()), 500);
})`
