package offline

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// componentRule names a component the system needs when a requirement
// uses one of its keywords. A keyword with a space is a phrase; others
// match a word or its lemma ("texted", "reports").
type componentRule struct {
	keywords []string
	name     string
	does     string // responsibility, completed with the IDs it serves
	task     string
	question string // a technical choice the brief leaves open, if any
}

// componentRules is the keyword table, in the order components are listed
// when two are first needed by the same requirement.
var componentRules = []componentRule{
	{[]string{"qr"}, "QR code entry", "Lets people start by scanning a QR code", "Build the QR code entry flow", ""},
	{[]string{"sms", "texted", "text message"}, "SMS gateway adapter", "Sends SMS messages", "Build the SMS gateway adapter",
		"Which SMS gateway will the system use?"},
	{[]string{"email", "e-mail"}, "Email sender", "Sends emails", "Build the email sender",
		"Which email service will send the emails?"},
	{[]string{"slack"}, "Slack integration", "Connects to Slack", "Build the Slack integration", ""},
	{[]string{"webhook"}, "Webhook dispatcher", "Delivers webhook events", "Build the webhook dispatcher",
		"Which events send webhooks, and how do receivers register for them?"},
	{[]string{"pdf"}, "PDF renderer", "Renders PDF documents", "Build the PDF renderer", ""},
	{[]string{"csv", "export"}, "Export job", "Produces export files", "Build the export job", ""},
	{[]string{"report:", "dashboard", "digest", "reporting", "analytics"}, "Reporting", "Builds %s from stored data", "Build the reporting queries and views", ""},
	{[]string{"reminder", "remind"}, "Reminder scheduler", "Works out when reminders are due and sends them", "Build the reminder scheduler", ""},
	{[]string{"offline", "sync"}, "Sync engine", "Keeps changes on the device while offline and syncs them when a connection returns", "Build the sync engine",
		"How should conflicting changes be resolved when an offline device syncs?"},
	{[]string{"sso", "single sign-on"}, "SSO integration", "Signs people in through single sign-on", "Build the SSO integration", ""},
	{[]string{"gis"}, "GIS import", "Reads data from the GIS system", "Build the GIS import",
		"How, and in what format, will the system read the GIS data?"},
	{[]string{"map"}, "Map view", "Shows items on a map", "Build the map view", ""},
	{[]string{"audit"}, "Audit log", "Records who changed what and when", "Build the audit log", ""},
	{[]string{"photo", "attach", "attachment", "upload", "file"}, "File storage", "Stores uploaded files", "Build file storage", ""},
}

// component is a rule that matched, with the requirements and stories it
// serves.
type component struct {
	componentRule
	ids     []string
	matched []string // the keywords found, in table order
	stories []string
}

// components matches the keyword table against the requirements, FRs
// first, and lists the matched components in order of first need.
func components(p *artifact.PRD, st *artifact.Stories) []component {
	reqs := append(append([]artifact.Requirement(nil), p.Functional...), p.NonFunctional...)
	var out []component
	for _, r := range reqs {
		for _, rule := range append(append([]componentRule(nil), componentRules...), integrationRules(r.Text)...) {
			if !mentions(r.Text, rule.keywords...) {
				continue
			}
			i := indexOf(out, rule.name)
			if i < 0 {
				out = append(out, component{componentRule: rule})
				i = len(out) - 1
			}
			if !contains(out[i].ids, r.ID) {
				out[i].ids = append(out[i].ids, r.ID)
			}
		}
	}
	for i := range out {
		for _, k := range out[i].keywords {
			for _, r := range reqs {
				if contains(out[i].ids, r.ID) && mentions(r.Text, k) && !contains(out[i].matched, k) {
					out[i].matched = append(out[i].matched, k)
				}
			}
		}
		out[i].stories = storiesFor(out[i], st)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func indexOf(cs []component, name string) int {
	for i, c := range cs {
		if c.name == name {
			return i
		}
	}
	return -1
}

// storiesFor returns the stories a component serves: those that trace
// to its requirements and use one of its keywords (a requirement split
// into several stories needs the map for one of them only), else all that
// trace to them. A component that only non-functional requirements need
// serves every story.
func storiesFor(c component, st *artifact.Stories) []string {
	want := set(c.ids...)
	var named, traced, all []string
	for _, s := range st.Stories {
		all = append(all, s.ID)
		for _, tr := range s.Traces {
			if want[tr] {
				traced = append(traced, s.ID)
				if mentions(s.Want+" "+s.Title, c.keywords...) {
					named = append(named, s.ID)
				}
				break
			}
		}
	}
	switch {
	case len(named) > 0:
		return named
	case len(traced) > 0:
		return traced
	}
	return all
}

// mentions reports whether text uses any of the keywords, as a word, a
// lemma or (with a space or hyphen) a phrase.
func mentions(text string, keywords ...string) bool {
	lower := " " + strings.ToLower(strings.Join(strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune(" ,.;:()\"“”!?", r)
	}), " ")) + " "
	words := map[string]bool{}
	for _, t := range tokenize(strings.ToLower(text)) {
		w := strings.TrimSuffix(t.lw(), "'s")
		words[w] = true
		words[lemma(w)] = true
	}
	for _, k := range keywords {
		if k == "report:" {
			if reportsAsOutput(text) {
				return true
			}
			continue
		}
		if strings.ContainsAny(k, " -") && strings.Contains(lower, " "+k+" ") || words[k] {
			return true
		}
	}
	return false
}

// reportsAsOutput reports whether text asks for reports as output ("sees
// daily reports", "view reports") rather than naming a thing called a
// report ("expense reports", "a report is approved").
func reportsAsOutput(text string) bool {
	ts := tokenize(strings.ToLower(text))
	for i, t := range ts {
		if lemma(t.lw()) != "report" || i == 0 {
			continue
		}
		prev := ts[i-1].lw()
		if prev == "annual" || prev == "custom" || prev == "summary" || strings.HasSuffix(prev, "ly") && len(prev) > 4 {
			return true
		}
		if v := verbForm(prev); v != nil && (viewVerbs[v.base] || receiveVerbs[v.base]) {
			return true
		}
	}
	return false
}

// componentList writes the components: the API service and data store,
// which every product of this kind has, then the matched ones.
func componentList(cs []component, entities bool) []artifact.Component {
	store := "Keeps the entities below."
	if !entities {
		store = "Keeps the records the stories create."
	}
	out := []artifact.Component{
		{Name: "API service", Responsibility: "Serves the endpoints below and checks that each caller may use them."},
		{Name: "Data store", Responsibility: store},
	}
	for _, c := range cs {
		does := c.does
		if strings.Contains(does, "%s") {
			things := make([]string, len(c.matched))
			for i, k := range c.matched {
				if k = strings.TrimSuffix(k, ":"); !uncounted(k) {
					k = plural.Noun(k)
				}
				things[i] = k
			}
			does = strings.Replace(does, "%s", plural.And(things), 1)
		}
		out = append(out, artifact.Component{Name: c.name, Responsibility: does + " (" + strings.Join(c.ids, ", ") + ")."})
	}
	return out
}

// techQuestions asks what the documents leave open for engineers, then
// carries over the PRD's own questions.
func techQuestions(p *artifact.PRD, cs []component, entities bool) []artifact.Question {
	all := []string{p.Title, p.Summary, p.Problem}
	for _, r := range append(append([]artifact.Requirement(nil), p.Functional...), p.NonFunctional...) {
		all = append(all, r.Text)
	}
	text := strings.Join(all, " ")
	var qs []string
	if !mentions(text, "database", "postgres", "postgresql", "mysql", "sqlite", "mongodb", "dynamodb", "aws",
		"azure", "gcp", "google cloud", "kubernetes", "hosting", "hosted", "cloud", "on-premise", "on-premises") {
		qs = append(qs, "Which data store and hosting should the system use? The PRD does not say.")
	}
	if !mentions(text, "sso", "single sign-on", "login", "log in", "sign in", "sign-in", "password", "oauth",
		"authentication", "authenticate", "api key", "saml") {
		who := "people sign in"
		if mentions(p.Title+" "+p.Summary, "api") {
			who = "API clients authenticate"
		}
		qs = append(qs, "How do "+who+", and what may each role do? The PRD does not say.")
	}
	for _, c := range cs {
		if c.question != "" {
			qs = append(qs, c.question)
		}
	}
	if entities {
		qs = append(qs, "Which fields does each entity need beyond the ones the stories name?")
	}
	for _, q := range p.OpenQuestions {
		qs = append(qs, "From the PRD ("+q.ID+"): "+q.Text)
	}
	out := make([]artifact.Question, len(qs))
	for i, q := range qs {
		out[i] = artifact.Question{ID: artifact.QuestionID(i + 1), Text: q}
	}
	return out
}

// integrationRules finds the products a requirement integrates with by
// name ("integration with Salesforce", "integrate with Okta", "Jira
// integration") and makes a component rule for each.
func integrationRules(text string) []componentRule {
	ts := tokenize(text)
	var out []componentRule
	add := func(t token) {
		name := strings.TrimSuffix(t.text, "'s")
		if !hasUpper(name) || name == "The" {
			return
		}
		out = append(out, componentRule{
			keywords: []string{strings.ToLower(name)},
			name:     name + " integration", does: "Connects to " + name, task: "Build the " + name + " integration",
		})
	}
	for i, t := range ts {
		lw := t.lw()
		if (lw == "integration" || lemma(lw) == "integrate") && i+2 < len(ts) && ts[i+1].lw() == "with" {
			add(ts[i+2])
		}
		if lw == "integration" && i >= 2 {
			add(ts[i-1]) // at the start of a sentence any word is capitalised
		}
	}
	return out
}
