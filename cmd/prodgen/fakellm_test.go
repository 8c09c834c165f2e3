package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// testKey is the API key scripts run with; no output may ever contain it.
const testKey = "sk-test-5ecret-key-0123456789"

var (
	serversMu sync.Mutex
	servers   = map[*testscript.TestScript]*llmtest.Server{}
)

// fakellm [REPLY...] starts a fake OpenAI-compatible server for the script
// and points prodgen at it (OPENAI_BASE_URL, OPENAI_API_KEY). Each REPLY
// scripts one answer, in order, as comma-separated words: status=N,
// retry=S (Retry-After), echo (echo the key in the error), drop (close the
// stream mid-answer), nodone, nofinish, length, filter (content_filter),
// streamerr=TYPE, hangup, malformed, evil (a scaffold manifest with unsafe paths), huge (10,000 files), badgo (a Go manifest that does not compile), slow (a valid answer over ten seconds), invalid (an answer that is not the schema's
// JSON), nfr777 (a tech spec carrying over NFR-777, which no PRD here
// has), leakkey (a PRD whose summary holds the key the request was sent
// with), cited (a PRD whose items cite the lines of cite.txtar's brief
// they come from), miscited (the same, with its NFR citing a line about
// something else), uncited (a PRD whose requirements cite no line),
// techmodel (a tech spec with a platform, stack, relationships and a task
// graph), techcycle, techdangling, techentity (the same with a dependency
// cycle, a dependency on T-009, a relationship to an unknown entity).
// After them every request gets a valid answer for its stage, a PRD's
// requirements citing the lines of the request's brief that state them
// (see citeRequirements).
func cmdFakeLLM(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: fakellm [REPLY...]")
	}
	var replies []llmtest.Reply
	for _, spec := range args {
		replies = append(replies, parseReply(ts, spec))
	}
	srv, err := llmtest.Start(llmtest.Options{Replies: replies, Responder: stageAnswer})
	ts.Check(err)
	ts.Defer(srv.Close)
	serversMu.Lock()
	servers[ts] = srv
	serversMu.Unlock()
	ts.Setenv("OPENAI_BASE_URL", srv.URL)
	ts.Setenv("OPENAI_API_KEY", testKey)
}

// fakellm-requests N checks how many requests the fake server received.
func cmdFakeLLMRequests(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: fakellm-requests N")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	serversMu.Lock()
	srv := servers[ts]
	serversMu.Unlock()
	if srv == nil {
		ts.Fatalf("fakellm-requests: no fake server; run fakellm first")
	}
	reqs := srv.Requests()
	if len(reqs) != want {
		ts.Fatalf("the fake server received %d requests, want %d", len(reqs), want)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+testKey {
			ts.Fatalf("request sent Authorization %q", got)
		}
	}
}

// fakellm-sent REGEXP checks that the last request's messages match.
func cmdFakeLLMSent(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: fakellm-sent REGEXP")
	}
	serversMu.Lock()
	srv := servers[ts]
	serversMu.Unlock()
	if srv == nil {
		ts.Fatalf("fakellm-sent: no fake server; run fakellm first")
	}
	reqs := srv.Requests()
	if len(reqs) == 0 {
		ts.Fatalf("fakellm-sent: no request received")
	}
	re, err := regexp.Compile(args[0])
	ts.Check(err)
	last := reqs[len(reqs)-1]
	var text strings.Builder
	for _, m := range last.Messages {
		text.WriteString(m.Content + "\n")
	}
	text.WriteString("response_format: " + string(last.Fields["response_format"]) + "\n")
	if re.MatchString(text.String()) == neg {
		ts.Fatalf("last request (negated: %v) does not satisfy %q:\n%s", neg, args[0], text.String())
	}
}

func parseReply(ts *testscript.TestScript, spec string) llmtest.Reply {
	r := llmtest.Reply{Content: `{"title":"Broken"`, Chunks: 3}
	for _, word := range strings.Split(spec, ",") {
		name, value, _ := strings.Cut(word, "=")
		switch name {
		case "status":
			n, err := strconv.Atoi(value)
			ts.Check(err)
			r.Status, r.ErrorMessage, r.ErrorType = n, "scripted failure", "server_error"
		case "retry":
			r.RetryAfter = value
		case "echo":
			r.EchoAuth = true
		case "drop":
			r.DropAfter = 2
		case "nodone":
			r.NoDone, r.NoFinish = true, true
		case "nofinish":
			r.NoFinish = true
		case "length":
			r.FinishReason = "length"
		case "filter":
			r.FinishReason = "content_filter"
		case "streamerr":
			r.StreamError = &llmtest.APIError{Message: "scripted stream error", Type: value}
		case "slow":
			// A healthy answer that takes long: for interrupting.
			r = llmtest.Reply{Content: answers["prd"], Chunks: 50, ChunkDelay: 200 * time.Millisecond}
		case "hangup":
			r.Hangup = true
		case "malformed":
			r.Malformed = true
		case "evil":
			// A scaffold manifest that tries to write outside its folder.
			r = llmtest.Reply{Content: evilManifest()}
		case "badgo":
			// A Go prototype that does not compile, for --verify's repair.
			r = llmtest.Reply{Content: goManifest("func main() { undefined() }")}
		case "huge":
			r = llmtest.Reply{Content: hugeManifest(10000)}
		case "invalid":
			r.Content = `{"title":"Streaks","colour":"red"}`
		case "nfr777":
			r = llmtest.Reply{Content: strings.Replace(answers["tech"], `"quality":[]`,
				`"quality":[{"id":"NFR-777","text":"Any requirement the author likes.","priority":""}]`, 1)}
		case "techmodel":
			r = llmtest.Reply{Content: answers["tech-model"]}
		case "techcycle":
			// T-001 waits for T-003, which waits for T-001.
			r = llmtest.Reply{Content: strings.Replace(answers["tech-model"], `"setup":true,"depends_on":[]`, `"setup":true,"depends_on":["T-003"]`, 1)}
		case "techdangling":
			r = llmtest.Reply{Content: strings.Replace(answers["tech-model"], `"depends_on":["T-001","T-002"]`, `"depends_on":["T-001","T-009"]`, 1)}
		case "techentity":
			r = llmtest.Reply{Content: strings.Replace(answers["tech-model"], `"target":"Check-in"`, `"target":"Habit"`, 1)}
		case "cited":
			r = llmtest.Reply{Content: citedAnswer("18")}
		case "uncited":
			r = llmtest.Reply{Content: answers["prd"]}
		case "miscited":
			r = llmtest.Reply{Content: citedAnswer("13")}
		case "leakkey":
			r = llmtest.Reply{Content: strings.Replace(answers["prd"], "A habit tracker for small teams.",
				"A habit tracker for small teams. Your key is {key}.", 1), EchoKey: "{key}"}
		default:
			ts.Fatalf("fakellm: unknown reply word %q", word)
		}
	}
	return r
}

// stageAnswer answers a request with a valid artifact for its stage, told
// apart by the schema's name or, in json_object mode, the prompt.
func stageAnswer(req llmtest.Request) llmtest.Reply {
	stage := ""
	if rf := req.ResponseFormat; rf != nil && rf.JSONSchema != nil {
		stage = rf.JSONSchema.Name
	}
	if stage == "" && len(req.Messages) > 0 {
		prompt := req.Messages[len(req.Messages)-1].Content
		for _, m := range req.Messages {
			if m.Role == "user" {
				prompt = m.Content
				break
			}
		}
		switch {
		case strings.Contains(prompt, "product manager"):
			stage = "prd"
		case strings.Contains(prompt, "product owner"):
			stage = "stories"
		case strings.Contains(prompt, "staff engineer"):
			stage = "tech"
		}
	}
	usage := &llmtest.Usage{PromptTokens: 120, CompletionTokens: 80, TotalTokens: 200}
	content := answers[stage]
	if stage == "prd" {
		content = citeRequirements(content, req)
	}
	return llmtest.Reply{Content: content, Chunks: 5, Usage: usage}
}

// numberedLine is a line of the brief as the prd prompt numbers it.
var numberedLine = regexp.MustCompile(`(?m)^ *(\d+)\| ?(.*)$`)

// citeRequirements gives each functional requirement of a prd answer the
// line of the request's numbered brief it comes from, as a model does: a
// model must cite where each requirement comes from. A requirement whose
// line the brief lacks stays uncited, and the answer goes back for
// repair.
func citeRequirements(answer string, req llmtest.Request) string {
	var prompt strings.Builder
	for _, m := range req.Messages {
		prompt.WriteString(m.Content + "\n")
	}
	lines := numberedLine.FindAllStringSubmatch(prompt.String(), -1)
	find := func(patterns ...string) string {
		for _, p := range patterns {
			re := regexp.MustCompile(p)
			for _, l := range lines {
				if re.MatchString(l[2]) {
					return l[1]
				}
			}
		}
		return ""
	}
	cite := func(answer, text, line string) string {
		if line == "" {
			return answer
		}
		return strings.Replace(answer, text+`}`, text+`,"source":{"start":`+line+`,"end":`+line+`}}`, 1)
	}
	answer = cite(answer, `create a team.","priority":""`, find(`(?i)creat\w*\b.*\bteam`, `(?i)\bteams?\b`))
	return cite(answer, `from Slack.","priority":"P1"`, find(`(?i)slack`, `(?i)check.?in`))
}

var answers = map[string]string{
	"prd": `{"title":"Streaks","summary":"A habit tracker for small teams.","problem":"Teams drop shared habits.",` +
		`"goals":[{"id":"","text":"Teams keep 80% of agreed habits for 8 weeks."}],` +
		`"personas":[{"name":"Team lead","description":"Sets the habits.","goals":["See a slipping habit within a day"]}],` +
		`"journeys":[{"name":"Check in from Slack","steps":["Type /checkin in Slack.","See the habit marked as kept."]}],` +
		`"functional":[{"id":"","text":"The system must let a team lead create a team.","priority":""},` +
		`{"id":"","text":"The system must let a team member check in to a habit from Slack.","priority":"P1"}],` +
		`"non_functional":[{"id":"","text":"Pages must load in under 1 second at the 95th percentile.","priority":""}],` +
		`"in_scope":["Teams and check-ins"],"out_of_scope":["Badges"],"dependencies":["The Slack API"],` +
		`"metrics":[{"name":"Median check-in time","baseline":"","target":"under 10 seconds","timeframe":"by launch"}],` +
		`"assumptions":[],"risks":[{"text":"Teams ignore the reminders.","mitigation":"Check-ins from Slack, where teams already are."}],` +
		`"open_questions":[{"id":"","text":"Which Slack plans must be supported?"}]}`,
	"stories": `{"title":"Streaks","stories":[` +
		`{"id":"","title":"Create a team","role":"team lead","want":"to create a team","so_that":"my team can share habits","priority":"","size":"S",` +
		`"traces":["FR-001"],"criteria":[{"id":"","kind":"main","given":"a signed-in team lead","when":"they create a team named Core","then":"the team Core exists","text":""},` +
		`{"id":"","kind":"error","given":"a team lead","when":"they create a team without a name","then":"the system asks for a name","text":""}]},` +
		`{"id":"","title":"Check in from Slack","role":"team lead","want":"to check in from Slack","so_that":"","priority":"P1","size":"M",` +
		`"traces":["FR-002"],"criteria":[{"id":"","given":"a team lead in Slack","when":"they type /checkin","then":"the check-in is recorded","text":""}]}]}`,
	"tech": `{"title":"Streaks","overview":"A web service with a Slack integration.",` +
		`"components":[{"name":"API service","responsibility":"Serves the API."}],` +
		`"entities":[{"name":"Team","description":"A group of people sharing habits.","fields":[{"name":"id","type":"string","notes":""}]}],` +
		`"endpoints":[{"method":"POST","path":"/teams","summary":"Create a team","stories":["US-001"]}],` +
		`"quality":[],"tasks":[{"id":"","text":"Build team creation","stories":["US-001"]},{"id":"","text":"Build the Slack command","stories":["US-002"]}],` +
		`"open_questions":[]}`,
}

func init() {
	// A tech spec with everything its model holds, for the reply words
	// techmodel, techcycle, techdangling and techentity.
	answers["tech-model"] = `{"title":"Streaks","overview":"A web app with a Slack integration.","platform":"web app",` +
		`"components":[{"name":"Web app","kind":"web app","technology":"Next.js","responsibility":"Team pages.","serves":["FR-001"]},` +
		`{"name":"API","kind":"API service","technology":"FastAPI","responsibility":"Serves teams and check-ins.","serves":["FR-001","FR-002"]},` +
		`{"name":"Database","kind":"data store","technology":"PostgreSQL","responsibility":"Keeps teams and check-ins.","serves":[]},` +
		`{"name":"Slack","kind":"external service","technology":"","responsibility":"Takes /checkin.","serves":["FR-002"]}],` +
		`"entities":[{"name":"Team","description":"A group sharing habits.","fields":[{"name":"name","type":"text","required":true,"enum":[],"notes":""}],` +
		`"relationships":[{"target":"Check-in","kind":"has-many","note":""}],"owner":"Team lead","traces":["FR-001"]},` +
		`{"name":"Check-in","description":"","fields":[{"name":"team_id","type":"uuid","required":true,"enum":[],"notes":""},` +
		`{"name":"status","type":"enum","required":true,"enum":["kept","missed"],"notes":""}],` +
		`"relationships":[{"target":"Team","kind":"belongs-to","note":""}],"owner":"","traces":["FR-002"]}],` +
		`"endpoints":[{"kind":"api","method":"POST","path":"/teams","name":"","entity":"Team","action":"create","summary":"Create a team","stories":["US-001"]},` +
		`{"kind":"api","method":"POST","path":"/check-ins","name":"","entity":"Check-in","action":"create","summary":"Check in from Slack","stories":["US-002"]}],` +
		`"quality":[],"tasks":[` +
		`{"id":"T-001","text":"Set up the API, the database and CI","stories":[],"setup":true,"depends_on":[],"parallel":false,"size":"M","components":["API","Database"],"entities":[],"endpoints":[]},` +
		`{"id":"T-002","text":"Build team creation","stories":["US-001"],"setup":false,"depends_on":["T-001"],"parallel":true,"size":"S","components":["Web app","API"],"entities":["Team"],"endpoints":["POST /teams"]},` +
		`{"id":"T-003","text":"Build the Slack command","stories":["US-002"],"setup":false,"depends_on":["T-001","T-002"],"parallel":false,"size":"M","components":["Slack"],"entities":["Check-in"],"endpoints":["POST /check-ins"]}],` +
		`"open_questions":[]}`
}

// citedAnswer is the prd answer with each item citing the line of
// cite.txtar's brief it comes from (its journey and its risk too), and its
// NFR citing nfrLine.
func citedAnswer(nfrLine string) string {
	src := func(line string) string { return `,"source":{"start":` + line + `,"end":` + line + `}}` }
	return strings.NewReplacer(
		`8 weeks."}`, `8 weeks."`+src("5"),
		`"Sets the habits.","goals":["See a slipping habit within a day"]}`, `"Sets the habits.","goals":["See a slipping habit within a day"]`+src("9"),
		`create a team.","priority":""}`, `create a team.","priority":""`+src("13"),
		`from Slack.","priority":"P1"}`, `from Slack.","priority":"P1"`+src("14"),
		`95th percentile.","priority":""}`, `95th percentile.","priority":""`+src(nfrLine),
		`"out_of_scope":["Badges"]`, `"out_of_scope":["Badges"],"out_of_scope_sources":[{"start":22,"end":22}]`,
		`"timeframe":"by launch"}`, `"timeframe":"by launch"`+src("26"),
		`marked as kept."]}`, `marked as kept."]`+src("30"),
		`where teams already are."}`, `where teams already are."`+src("34"),
	).Replace(answers["prd"])
}

func manifestJSON(files map[string]string) string {
	type file struct {
		Path    string `json:"path"`
		Content string `json:"content"`
	}
	var m struct {
		Files []file `json:"files"`
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		m.Files = append(m.Files, file{Path: p, Content: files[p]})
	}
	data, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(data)
}

func evilManifest() string {
	return manifestJSON(map[string]string{
		"../x":           "escape",
		"/etc/x":         "absolute",
		".git/config":    "[core]",
		"link/pwned.txt": "through a symlink",
		"a/../../b":      "dot dot",
		"README.md":      "# Prototype\n",
		"main.go":        "package main\n\nfunc main() {}\n",
	})
}

func hugeManifest(n int) string {
	files := make(map[string]string, n)
	for i := range n {
		files[fmt.Sprintf("f/%05d.txt", i)] = "x"
	}
	return manifestJSON(files)
}

// goManifest is a minimal Go prototype whose main.go body is main.
func goManifest(main string) string {
	return manifestJSON(map[string]string{
		"go.mod":       "module demo\n\ngo 1.22\n",
		"main.go":      "package main\n\n" + main + "\n",
		"main_test.go": "package main\n\nimport \"testing\"\n\n// US-001\nfunc TestCreateTeam(t *testing.T) {}\n",
	})
}

func init() {
	answers["scaffold"] = goManifest("func main() {}")
}
