package offline

import "github.com/prodgen/prodgen/internal/brief"

// sample is a brief from testdata/, built by hand the way the brief parser
// reads it (checked against brief.Parse when these were written), so the
// golden files do not move when the parser changes. TestParsedSamples runs
// the same checks on what the parser reads today.
type sample struct {
	name  string // testdata/<name>.md is the brief as written
	brief *brief.Brief
}

// samples returns the four sample briefs. Their shapes differ on purpose:
// numbered sections with a table (clinic-queue), plain headed lists
// (habit-tracker), front matter and tables with priorities and notes
// (invoice-api), and prose only (field-notes).
func samples() []sample {
	return []sample{
		{"clinic-queue", clinicQueue()},
		{"habit-tracker", habitTracker()},
		{"invoice-api", invoiceAPI()},
		{"field-notes", fieldNotes()},
	}
}

// allSamples adds to the four briefs a made-up one (no markdown file) that
// gathers phrasings the four do not use: "As a…, I want…", "Ability to…",
// "Allow… to…", bare nouns, symbols and verbless constraints.
func allSamples() []sample {
	return append(samples(), sample{"phrasings", phrasings()})
}

func phrasings() *brief.Brief {
	return &brief.Brief{
		Title: "Expensly",
		Users: []brief.Persona{
			{Name: "Employees", Description: "Submit expenses from their phone."},
			{Name: "Managers", Description: "Approve or reject reports."},
			{Name: "Finance team"},
		},
		Goals: []string{"Reimburse employees within 5 days", "Cut manual data entry in half"},
		Features: []brief.Feature{
			{Text: "Users can reset their password via email."},
			{Text: "Ability to upload receipts as photos or PDFs"},
			{Text: "As an employee, I want to save a draft report so that I can finish it later."},
			{Text: "Allow managers to bulk-approve expense reports"},
			{Text: "Managers approve or reject expense reports within 48 hours."},
			{Text: "Dark mode"},
			{Text: "Integration with Salesforce"},
			{Text: "Export to PDF"},
			{Text: "The app sends a push notification when a report is approved."},
			{Text: "Employees receive an email receipt after each submission."},
			{Text: "Search across all reports with filters by date and status"},
			{Text: "Auditors see their queue for the day and can mark reports as checked."},
			{Text: "Real-time collaboration on documents"},
			{Text: "Finance can export approved reports to the ERP every night."},
			{Text: "The dashboard shows spend by team and month"},
			{Text: "Send a weekly summary email to managers"},
			{Text: "Employees should be able to delete their own drafts"},
		},
		Constraints: []string{
			"Must support 10,000 concurrent users",
			"GDPR compliant",
			"All data stored in the EU.",
			"Response time < 200ms",
			"Works on iOS and Android",
			"Should integrate with Slack",
			"Uptime 99.9%",
		},
		Metrics: []brief.Metric{{Name: "Time to reimburse", Baseline: "14 days"}},
	}
}

func clinicQueue() *brief.Brief {
	return &brief.Brief{
		Title: "QueueLess",
		Problem: "Walk-in patients at small urgent-care clinics wait in crowded rooms with no idea how long " +
			"it will take. Front-desk staff answer \"how long?\" dozens of times an hour and track the " +
			"queue on paper. Patients leave before being seen (about 12% at our pilot clinics), which " +
			"costs the clinic revenue and leaves people untreated.",
		Users: []brief.Persona{
			{Name: "Patients", Description: "Who walk in without an appointment."},
			{Name: "Front-desk staff"},
			{Name: "Clinic manager"},
		},
		Features: []brief.Feature{
			{Text: "Patients join the queue by scanning a QR code at the entrance, entering only a first name and a phone number"},
			{Text: "Patients get an SMS with their position and an estimated wait, updated when it changes by more than 10 minutes"},
			{Text: "Patients may wait outside and are texted when they are third in line"},
			{Text: "Front desk sees the live queue on a tablet, can reorder for triage, and mark patients as called, seen or left"},
			{Text: "The clinic manager sees daily reports: arrivals per hour, median wait, walk-outs"},
		},
		NonGoals: []string{
			"Appointment booking",
			"Payments and insurance",
			"Any medical information beyond the visit reason chosen from a short list",
		},
		Constraints: []string{
			"HIPAA: phone numbers and names are PHI; store them encrypted and delete after 30 days",
			"Must work on the clinic's existing Wi-Fi and a mid-range Android tablet",
			"SMS via a third-party gateway",
			"Clinics have 1–3 front-desk staff and 20–120 walk-ins a day",
		},
		Metrics: []brief.Metric{
			{Name: "Walk-outs before being seen", Baseline: "12%", Target: "under 5%"},
			{Name: "\"How long?\" questions at the desk", Baseline: "~40 per hour", Target: "under 10 per hour"},
			{Name: "Patient satisfaction (post-visit SMS survey)", Baseline: "n/a", Target: "4.3 / 5"},
		},
		Risks: []string{"We assume delivery within 30 seconds"},
		OpenQuestions: []string{
			"Should the estimate use a simple moving average or a model per clinic?",
			"Do clinics want patients to see their exact position, or only the estimated time?",
		},
		Meta:    map[string]string{"status": "draft", "owner": "product", "last updated": "2026-10-02"},
		Missing: []string{brief.PartGoals},
	}
}

func habitTracker() *brief.Brief {
	return &brief.Brief{
		Title:   "Streaks",
		Summary: "A habit tracker for small teams.",
		Problem: "Remote teams agree on small shared habits (a daily stand-up note, a weekly demo, code " +
			"review within a day) and then quietly drop them. Nobody notices until a retro, weeks " +
			"later. Existing habit apps are personal and gamified; they do not show a team where a " +
			"shared habit is slipping.",
		Users: []brief.Persona{
			{Name: "Team lead", Description: "Of a remote software team of 4–15 people; sets the habits."},
			{Name: "Team member", Description: "Checks in, wants little friction."},
			{Name: "Engineering manager", Description: "Over several teams; wants a weekly overview, not details."},
		},
		Goals: []string{
			"Teams keep 80% of agreed habits for at least 8 weeks",
			"A check-in takes under 10 seconds",
			"Leads see a slipping habit within a day, not at the next retro",
		},
		Features: []brief.Feature{
			{Text: "Create a team and invite members by email link"},
			{Text: "Define a habit with a cadence (daily, weekdays, weekly) and an owner"},
			{Text: "Check in to a habit from the web app or from Slack"},
			{Text: "Team board showing each habit's streak and this week's completion rate"},
			{Text: "Reminder to members who have not checked in by a configurable hour"},
			{Text: "Weekly digest email to the lead and the manager"},
			{Text: "Export check-in history as CSV"},
		},
		NonGoals: []string{
			"No personal (non-team) habits in the first version",
			"No points, badges or leaderboards",
			"No native mobile app; the web app must work on phones",
		},
		Constraints: []string{
			"Must comply with GDPR; members can delete their data",
			"Slack integration uses Slack's official API only",
			"Pages load in under 1 second at the 95th percentile",
			"Budget: two engineers for one quarter",
		},
		Metrics: []brief.Metric{
			{Name: "Weekly active teams after 3 months", Target: "200"},
			{Name: "Median check-in time", Target: "under 10 seconds"},
			{Name: "Habit retention at 8 weeks", Target: "80%"},
		},
	}
}

func invoiceAPI() *brief.Brief {
	return &brief.Brief{
		Title: "Ledgerline Invoicing API",
		Problem: "Our 40 B2B customers each built their own invoicing on top of our payments API, and each " +
			"got tax rounding, credit notes and multi-currency totals slightly wrong. Support spends " +
			"about 30% of its time on invoice disputes. A first-party invoicing API would remove that " +
			"class of bugs and let smaller customers start invoicing in a day instead of a month.",
		Users: []brief.Persona{
			{Name: "Developer at a customer", Description: "Needs: Clear REST API, idempotent calls, good errors, sandbox."},
			{Name: "Finance admin at a customer", Description: "Needs: Correct totals, credit notes, PDF invoices, audit trail."},
			{Name: "Our support team", Description: "Needs: See an invoice's full history when a dispute comes in."},
		},
		Features: []brief.Feature{
			{Text: "Create, update, finalize and void invoices", Priority: "P0", Notes: "Drafts editable; finalized invoices immutable"},
			{Text: "Line items with tax rates and discounts", Priority: "P0", Notes: "Rounding per line, half-even"},
			{Text: "Multi-currency invoices", Priority: "P1", Notes: "Totals in the invoice currency; FX rate recorded"},
			{Text: "Credit notes against a finalized invoice", Priority: "P0", Notes: "Partial or full"},
			{Text: "PDF rendering with the customer's branding", Priority: "P1"},
			{Text: "Webhooks for invoice events", Priority: "P1", Notes: "Signed, retried with backoff"},
			{Text: "Audit log of every change", Priority: "P0", Notes: "Who, when, what changed"},
		},
		NonGoals: []string{
			"Subscription billing and dunning",
			"Tax calculation (customers pass tax rates in)",
		},
		Constraints: []string{
			"99.95% monthly availability; p99 latency under 300 ms for reads",
			"Every write endpoint accepts an idempotency key",
			"SOC 2 controls apply; invoices are retained for 10 years",
			"API is versioned; breaking changes only in a new major version",
		},
		Metrics: []brief.Metric{
			{Name: "Invoice-related support tickets", Target: "down 50% within two quarters of launch"},
			{Name: "Customers live on the API", Target: "15 in the first quarter"},
		},
		Meta:    map[string]string{"product": "Ledgerline Invoicing API", "owner": "platform team", "stage": "discovery"},
		Missing: []string{brief.PartGoals},
	}
}

func fieldNotes() *brief.Brief {
	return &brief.Brief{
		Title: "Field Notes",
		Summary: "We want a simple phone app that a technician can use with gloves on, in the rain, often " +
			"with no signal.",
		Problem: "Field technicians for a regional water utility spend the last hour of every shift " +
			"retyping what they wrote on paper during the day: which hydrant or valve they " +
			"inspected, what they found, photos they took on their personal phones, and whether a " +
			"follow-up job is needed. The notes arrive late, photos get lost, and supervisors plan the " +
			"next day without knowing what was found today.",
		Users: []brief.Persona{{Name: "Field technicians"}, {Name: "Supervisors"}},
		Features: []brief.Feature{
			{Text: "Pick the asset from a map or by scanning the tag on it"},
			{Text: "Record the inspection with a few taps and a voice note"},
			{Text: "Attach photos"},
			{Text: "Flag a follow-up with a priority"},
			{Text: "Supervisors see the day's findings on a dashboard by the end of the shift"},
			{Text: "Supervisors turn flagged follow-ups into scheduled work orders"},
		},
		NonGoals: []string{"Replace the work-order system", "Build route planning"},
		Constraints: []string{
			"Everything has to work offline and sync when the phone is back in coverage, without ever losing a record",
			"About 60 technicians would use it at first, on company-issued Android phones",
			"The utility's asset register lives in an existing GIS system, which we can read nightly but not write to",
			"Security wants the data encrypted on the device and the app locked behind the company's single sign-on",
		},
		Metrics: []brief.Metric{
			{Name: "Paperwork time", Baseline: "an hour", Target: "under fifteen minutes a shift"},
			{Name: "Inspection photo lost", Target: "none"},
		},
		Missing: []string{brief.PartGoals},
	}
}
