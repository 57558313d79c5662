// Package rules loads and validates the rule packs (embedded YAML, one per
// professional code) and organisation configs, and compiles them into a Set
// the judge can run.
//
// A pack has signals (named facts about a post, such as "this post is about a
// patient", each a weighted score of features), rules (each of one of five
// kinds: entity, lexicon, pattern, condition, score) and citations. Lexicons of
// terms (slang, stigmatising descriptors, hate) are separate files under
// packs/lexicons. Every concrete rule is data; only the kinds are Go.
package rules

// Pack is one rule pack as written in YAML.
type Pack struct {
	// Pack is the pack's name ("core", "uk-gmc").
	Pack        string `yaml:"pack"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// Locales the pack applies to (uk, us, au); Roles it applies to ("all" for every role).
	Locales []string `yaml:"locales"`
	Roles   []string `yaml:"roles"`
	// Citations are the pack's sources by id, cited by rules and cites.
	Citations map[string]Citation `yaml:"citations"`
	Signals   []Signal            `yaml:"signals"`
	Rules     []Rule              `yaml:"rules"`
	// Cites attaches this pack's citations to rules defined in other packs.
	Cites map[string][]string `yaml:"cites"`

	file  string
	lines map[string]int // "rule:ID", "signal:ID" → line
}

// Config is an organisation's own settings (the --config file).
type Config struct {
	Organisation string `yaml:"organisation"`
	// Packs chooses packs by name; empty keeps the caller's choice.
	Packs []string `yaml:"packs"`
	// Terms are the organisation's own words that identify people and places.
	Terms Terms `yaml:"terms"`
	// Allow lists phrases that are never findings (the organisation's public name,
	// staff who consent to being named).
	Allow     []string            `yaml:"allow"`
	Citations map[string]Citation `yaml:"citations"`
	Signals   []Signal            `yaml:"signals"`
	Rules     []Rule              `yaml:"rules"`

	file  string
	lines map[string]int
}

// Terms are an organisation's word lists; each becomes an entity type.
type Terms struct {
	Wards     []string `yaml:"wards"`     // WARD
	Hospitals []string `yaml:"hospitals"` // HOSPITAL
	Places    []string `yaml:"places"`    // CITY
	Staff     []string `yaml:"staff"`     // NAME_STAFF
	Patients  []string `yaml:"patients"`  // NAME_PATIENT
}

// Citation is one source a rule rests on.
type Citation struct {
	Document  string `yaml:"document"`
	Year      int    `yaml:"year"`
	Paragraph string `yaml:"paragraph"`
	// Verified is false when the paragraph number has not been checked against
	// the document (guidance.md's [verify]); it ships marked unverified.
	Verified *bool  `yaml:"verified"`
	URL      string `yaml:"url"`
}

// Signal is a named fact about a post: it holds when the weighted sum of its
// features that fire reaches Threshold.
type Signal struct {
	ID          string    `yaml:"id"`
	Description string    `yaml:"description"`
	Threshold   float64   `yaml:"threshold"`
	Features    []Feature `yaml:"features"`
}

// Feature is one thing a signal or score rule looks for. Exactly one of
// Phrases, Entities, Lexicon, Signal, Rule or Fact is set.
type Feature struct {
	Phrases  []string `yaml:"phrases"`
	Exact    bool     `yaml:"exact"`
	Entities []string `yaml:"entities"`
	// MinConfidence and MinAge narrow an entity feature.
	MinConfidence float64 `yaml:"min_confidence"`
	MinAge        int     `yaml:"min_age"`
	// NextTo narrows an entity feature to the entities one of these phrases
	// touches: a match that ends right before the entity or starts right
	// after it, with only spaces (or the entity's possessive 's) between, or
	// overlaps it. It says what the post makes of the entity, e.g. that the
	// author works there ("a shift at X", "X management told us"), which the
	// entity type alone cannot tell.
	NextTo  []string `yaml:"next_to"`
	Lexicon string   `yaml:"lexicon"`
	Groups  []string `yaml:"groups"`
	Signal  string   `yaml:"signal"`
	Rule    string   `yaml:"rule"`
	// Fact names a number the judge computes (anonymity_k, quasi_count) and
	// AtMost/AtLeast the bound that makes the feature fire.
	Fact    string   `yaml:"fact"`
	AtMost  *float64 `yaml:"at_most"`
	AtLeast *float64 `yaml:"at_least"`
	// Weight defaults to 1; a negative weight counts against.
	Weight *float64 `yaml:"weight"`
}

// Rule is one rule as written in YAML.
type Rule struct {
	ID       string `yaml:"id"`
	Title    string `yaml:"title"`
	Category string `yaml:"category"`
	// Severity is block, high, medium, low or info; "terms" takes the highest
	// severity of the lexicon terms matched.
	Severity string `yaml:"severity"`
	// Kind is entity, lexicon, pattern, condition, score or model. A model
	// rule has no category of its own (the model finds it) and may use the
	// placeholders {category} and {words} (the words that weighed most).
	Kind string `yaml:"kind"`

	// entity
	Entities *EntitySpec `yaml:"entities"`
	// lexicon: a named lexicon (optionally some groups of it) or inline phrases
	Lexicon string   `yaml:"lexicon"`
	Groups  []string `yaml:"groups"`
	Phrases []string `yaml:"phrases"`
	Exact   bool     `yaml:"exact"`
	// NotNear and NeedsNear are phrases that, in the same sentence as a match,
	// cancel it or are required for it.
	NotNear   []string `yaml:"not_near"`
	NeedsNear []string `yaml:"needs_near"`
	// pattern: RE2 regular expressions, case-insensitive unless Exact, run
	// only on sentences where one of Keywords (phrase patterns) occurs, so that
	// a pack's regexes cost nothing on posts that cannot match them
	Patterns []string `yaml:"patterns"`
	Keywords []string `yaml:"keywords"`
	// condition: over signals and earlier rules
	Condition *Condition `yaml:"condition"`
	// score: weighted features against a threshold
	Score *Score `yaml:"score"`
	// model: the post model's second opinion on a post no rule flagged
	Model *ModelSpec `yaml:"model"`

	// When lists signals that must all hold; Unless signals of which none may.
	When   []string `yaml:"when"`
	Unless []string `yaml:"unless"`

	Message  string   `yaml:"message"`
	Fix      string   `yaml:"fix"`
	Cite     []string `yaml:"cite"`
	Examples Examples `yaml:"examples"`
}

// EntitySpec says which entities an entity rule looks for.
type EntitySpec struct {
	Types         []string `yaml:"types"`
	MinConfidence float64  `yaml:"min_confidence"`
	MinAge        int      `yaml:"min_age"`
	MinCount      int      `yaml:"min_count"`
	// Exclude drops entities whose text matches one of these expressions
	// (RE2, case-insensitive), e.g. a bare year among dates.
	Exclude []string `yaml:"exclude"`
}

// Condition combines signals and earlier rules by name.
type Condition struct {
	All  []string `yaml:"all"`
	Any  []string `yaml:"any"`
	None []string `yaml:"none"`
}

// Score is a weighted sum of features compared with a threshold.
type Score struct {
	Threshold float64   `yaml:"threshold"`
	Features  []Feature `yaml:"features"`
}

// ModelSpec says when the post model (internal/postmodel) is asked about a
// post and what its risk advises. The model is asked only when no other rule
// flagged the post and one of WhenAny's signals holds; its risk takes the
// category the model rates highest, and that category's fix from Fixes (the
// rule's fix when Fixes has none for it).
type ModelSpec struct {
	WhenAny []string          `yaml:"when_any"`
	Fixes   map[string]string `yaml:"fixes"`
}

// Examples are posts a rule must flag (Trigger) and must leave alone (Quiet);
// the test suite checks them all.
type Examples struct {
	Trigger []string `yaml:"trigger"`
	Quiet   []string `yaml:"quiet"`
}

// Lexicon is a list of terms, written in its own file.
type Lexicon struct {
	Lexicon string   `yaml:"lexicon"`
	Title   string   `yaml:"title"`
	Sources []Source `yaml:"sources"`
	Terms   []Term   `yaml:"terms"`

	file  string
	lines []int
}

// Source is a work a lexicon's terms come from.
type Source struct {
	ID       string `yaml:"id"`
	Cite     string `yaml:"cite"`
	Verified bool   `yaml:"verified"`
}

// Term is one entry of a lexicon.
type Term struct {
	Match     []string `yaml:"match"`
	Case      string   `yaml:"case"`
	Meaning   string   `yaml:"meaning"`
	Source    string   `yaml:"source"`
	Severity  string   `yaml:"severity"`
	Group     string   `yaml:"group"`
	NotNear   []string `yaml:"not_near"`
	NeedsNear []string `yaml:"needs_near"`
	Replace   string   `yaml:"replace"`
}
