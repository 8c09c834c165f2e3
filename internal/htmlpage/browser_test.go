package htmlpage

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserEnv set to 1 makes a missing Chromium fail the browser tests
// instead of skipping them; CI sets it.
const browserEnv = "PRODGEN_BROWSER_TESTS"

// chromiumNames are the programs the browser tests look for, in order.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// newBrowser starts a headless Chromium for the test, cut off from the
// network, and returns its context; it skips the test when no Chromium is
// installed, or fails it when browserEnv is 1.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		missing := fmt.Sprintf("no Chromium to draw the page's diagrams in (looked for %s on PATH)", strings.Join(chromiumNames, ", "))
		if os.Getenv(browserEnv) == "1" {
			t.Fatalf("%s=1, but %s: install it (apt-get install chromium)", browserEnv, missing)
		}
		t.Skipf("skipped: %s; install it (apt-get install chromium) to run this test, and set %s=1 to make its absence a failure", missing, browserEnv)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.WindowSize(1280, 900),
		// Belt and braces with the offline tabs: no name resolves and any
		// request that still went out would meet a closed port.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("127.0.0.1:9"),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start its sandbox as root, as in a
		// container or CI.
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx
}

// tab is a page opened in the browser, with what it did.
type tab struct {
	ctx  context.Context
	url  string
	mu   sync.Mutex
	reqs []request
	logs []*log.Entry // the browser's log: CSP violations, failed loads
	errs []string     // uncaught exceptions
	dlgs []string     // dialogs the page opened
}

// request is a request the page made.
type request struct {
	id      network.RequestID
	url     string
	blocked string // why the browser refused it ("csp"), if it did
}

// open writes the page to a file, opens it in a new offline tab of the
// browser and waits until its script has drawn the diagrams (or, for a
// page without diagrams, until it has loaded).
func open(t *testing.T, browser context.Context, html []byte) *tab {
	t.Helper()
	file := filepath.Join(t.TempDir(), "prodgen.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	tb := &tab{url: (&url.URL{Scheme: "file", Path: file}).String()}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.record))
	t.Cleanup(cancel)
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("take the tab offline: %v", err)
	}
	timeout, stop := context.WithTimeout(ctx, time.Minute)
	defer stop()
	if err := chromedp.Do(timeout, chromedp.Navigate(tb.url)); err != nil {
		t.Fatalf("open %s: %v", tb.url, err)
	}
	return tb
}

// record keeps what the tab does. It runs in the tab's event loop, so it
// runs no command itself.
func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.reqs = append(tb.reqs, request{id: ev.RequestID, url: ev.Request.URL})
	case *network.EventLoadingFailed:
		for i := range tb.reqs {
			if tb.reqs[i].id == ev.RequestID {
				tb.reqs[i].blocked = string(ev.BlockedReason)
			}
		}
	case *log.EventEntryAdded:
		tb.logs = append(tb.logs, ev.Entry)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.errs = append(tb.errs, msg)
	case *cdppage.EventJavascriptDialogOpening:
		tb.dlgs = append(tb.dlgs, string(ev.Type)+": "+ev.Message)
		go func() {
			// A dialog stops the page until it is answered. The error is
			// of no use: the test fails on the dialog already.
			_, _ = chromedp.Call(tb.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{})
		}()
	}
}

// waitDrawn waits until the page's script says how many diagrams it drew,
// and returns that: "3 drawn, 0 failed".
func (tb *tab) waitDrawn(t *testing.T) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.documentElement.dataset.diagrams || ""`))
		if err != nil {
			t.Fatalf("read html[data-diagrams]: %v", err)
		}
		if got != "" {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page drew no diagrams in a minute; exceptions: %q", tb.exceptions())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tb *tab) requests() []request {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.reqs)
}

func (tb *tab) log() []*log.Entry {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.logs)
}

func (tb *tab) exceptions() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.errs)
}

func (tb *tab) dialogs() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.dlgs)
}

// checkQuiet fails when the page asked for anything but itself, threw,
// opened a dialog or logged an error. With blocked, errors that are the
// Content-Security-Policy refusing something are logged instead: the
// policy did its job.
func (tb *tab) checkQuiet(t *testing.T, blocked bool) {
	t.Helper()
	for _, r := range tb.requests() {
		if r.url != tb.url {
			t.Errorf("the page made a request: %s", r.url)
		}
	}
	if errs := tb.exceptions(); len(errs) > 0 {
		t.Errorf("the page threw: %q", errs)
	}
	if d := tb.dialogs(); len(d) > 0 {
		t.Errorf("the page opened dialogs: %q", d)
	}
	for _, e := range tb.log() {
		switch {
		case e.Level != log.EntryLevelError:
		case blocked && e.Source == log.EntrySourceSecurity && strings.HasSuffix(e.Text, "The action has been blocked."):
			t.Logf("the policy blocked: %.110s…", e.Text)
		default:
			t.Errorf("the browser logged %s %s: %s", e.Level, e.Source, e.Text)
		}
	}
}

// screenshot saves the whole page and each diagram for a person to look
// at: go test ./internal/htmlpage -run Browser -artifacts -outputdir DIR
// keeps them.
func (tb *tab) screenshot(t *testing.T) {
	t.Helper()
	save := func(name string, img []byte, err error) {
		if err == nil {
			err = os.WriteFile(filepath.Join(t.ArtifactDir(), name), img, 0o644)
		}
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
		}
	}
	img, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(80))
	save("page.jpg", img, err)
	// Each block: a diagram, or the note and code of one that failed.
	blocks, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("pre > code.language-mermaid")].map(code =>
		code.closest("figure.diagram") ? "figure" : code.parentElement.previousElementSibling?.matches("p.diagram-error") ? "failed" : "code")`))
	if err != nil {
		t.Errorf("list the diagrams: %v", err)
	}
	drawn, failed := 0, 0
	for i, kind := range blocks {
		var img []byte
		var err error
		switch kind {
		case "figure":
			img, err = chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.JSPath(fmt.Sprintf(`document.querySelectorAll("figure.diagram")[%d]`, drawn))))
			drawn++
		case "failed":
			var nodes []*chromedp.Node
			nodes, err = chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSSAll("p.diagram-error, p.diagram-error + pre")))
			if err == nil && len(nodes) >= 2*failed+2 {
				img, err = chromedp.Run(tb.ctx, chromedp.ScreenshotNodes(nodes[2*failed:2*failed+2], 1))
			}
			failed++
		default:
			continue
		}
		save(fmt.Sprintf("diagram-%d.png", i+1), img, err)
	}
	t.Logf("screenshots: %s", t.ArtifactDir())
}

// diagram is a mermaid block as the page shows it after its script ran.
type diagram struct {
	Drawn  bool   `json:"drawn"`  // an <svg> in a figure.diagram
	Kind   string `json:"kind"`   // the SVG's aria-roledescription: "er", "flowchart-v2"
	Text   string `json:"text"`   // the SVG's text
	Source string `json:"source"` // the mermaid source the page shows
	// SourceShown is whether the source is on screen: a failed diagram's
	// is, a drawn one's is folded away under it.
	SourceShown bool   `json:"sourceShown"`
	Note        string `json:"note"` // the note over a diagram that failed
}

// diagramsJS reads every mermaid block of the page, in order.
const readDiagramsJS = `[...document.querySelectorAll("pre > code.language-mermaid")].map(code => {
	const figure = code.closest("figure.diagram");
	const svg = figure ? figure.querySelector(":scope > svg") : null;
	const note = code.parentElement.previousElementSibling;
	return {
		drawn: !!svg,
		kind: svg ? svg.getAttribute("aria-roledescription") || "" : "",
		text: svg ? svg.textContent.replace(/\s+/g, " ") : "",
		source: code.textContent,
		sourceShown: code.checkVisibility(),
		note: note && note.matches("p.diagram-error") ? note.textContent : "",
	};
})`

func (tb *tab) diagrams(t *testing.T) []diagram {
	t.Helper()
	got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]diagram](readDiagramsJS))
	if err != nil {
		t.Fatalf("read the diagrams: %v", err)
	}
	return got
}
