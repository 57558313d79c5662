package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/yamldoc"
)

// Severity orders how serious a risk is.
type Severity uint8

// Severities, from an educational nudge to what the codes forbid outright.
const (
	Info Severity = iota
	Low
	Medium
	High
	Block
)

var severityNames = []string{"info", "low", "medium", "high", "block"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, bool) {
	i := slices.Index(severityNames, s)
	return Severity(max(i, 0)), i >= 0
}

// Categories are the risk categories, exact names used in JSON.
var Categories = []string{
	"CONFIDENTIALITY", "DEROGATORY", "DEFAMATION", "WORKPLACE_CONCERN", "BOUNDARY",
	"CONDUCT", "CLINICAL_ADVICE", "CONFLICT_OF_INTEREST", "COLLEAGUE", "DISCLAIMER",
}

// Kinds are the rule kinds implemented in Go.
var Kinds = []string{"entity", "lexicon", "pattern", "condition", "score", "model"}

// Facts are the numbers the judge computes for features.
var Facts = []string{"anonymity_k", "quasi_count"}

// Locales known to the pack selection.
var Locales = []string{"uk", "us", "au"}

// OwnerKind says what a phrase of the Set belongs to.
type OwnerKind uint8

// What a phrase pattern can belong to.
const (
	OwnFeature       OwnerKind = iota // a phrases feature of a signal or score rule
	OwnRulePhrase                     // an inline phrase of a lexicon rule
	OwnRuleNotNear                    // a not_near phrase of a rule
	OwnRuleNeedsNear                  // a needs_near phrase of a rule
	OwnTerm                           // a lexicon term
	OwnTermNotNear                    // a not_near phrase of a term
	OwnTermNeedsNear                  // a needs_near phrase of a term
	OwnConfigTerm                     // an organisation's term (Index is into Set.ConfigTypes)
	OwnAllow                          // an organisation's allowed phrase
	OwnRuleKeyword                    // a keyword of a pattern rule
	OwnMosaic                         // a pattern of the mosaic tables (Index is its id there)
	OwnFeatureNextTo                  // a next_to phrase of an entities feature
)

// Owner ties a phrase pattern to what it belongs to.
type Owner struct {
	Kind  OwnerKind
	Index int
}

// FeatureKind says what a compiled feature looks at.
type FeatureKind uint8

// Feature kinds.
const (
	FeatPhrases FeatureKind = iota
	FeatEntities
	FeatLexicon
	FeatSignal
	FeatRule
	FeatFact
)

// FeatureDef is a compiled feature.
type FeatureDef struct {
	Kind          FeatureKind
	Weight        float64
	Types         []result.Type
	TypeMask      uint64 // result.TypeMask(Types...)
	MinConfidence float64
	MinAge        int
	NextTo        bool // only entities a next_to phrase (OwnFeatureNextTo) touches count
	Lexicon       string
	Groups        []string
	Ref           int // signal or rule index
	Fact          string
	AtMost        *float64
	AtLeast       *float64
}

// SignalDef is a compiled signal.
type SignalDef struct {
	ID          string
	Description string
	Threshold   float64
	Features    []int // indexes into Set.Features
}

// Ref names a signal or an earlier rule in a condition.
type Ref struct {
	Signal bool
	Index  int
}

// RuleDef is a compiled rule.
type RuleDef struct {
	ID, Title, Category string
	Severity            Severity
	// SeverityFromTerms takes the severity of the lexicon terms matched.
	SeverityFromTerms bool
	Kind              string
	Pack              string
	File              string
	Line              int

	Entities  *EntitySpec
	types     []result.Type
	TypeMask  uint64 // of the entity types an entity rule looks for
	Lexicon   string
	Groups    []string
	HasPhrase bool
	NotNear   bool
	NeedsNear bool
	Regexps   []*regexp.Regexp
	// Exclude drops entities whose text matches (entity rules).
	Exclude []*regexp.Regexp
	// AnyNumber runs a pattern rule's expressions on every sentence holding a number.
	AnyNumber      bool
	All, Any, None []Ref
	Threshold      float64
	Features       []int
	// ModelWhen are the signals of which one must hold for the post model to
	// be asked, and ModelFixes its fix by category (model rules).
	ModelWhen  []int
	ModelFixes map[string]string

	When, Unless []int

	Message, Fix string
	// Uses names the placeholders the message and fix use ("match", "mosaic"…);
	// Templated, UsesMatch and UsesMosaic say the same without a map lookup.
	Uses                             map[string]bool
	Templated, UsesMatch, UsesMosaic bool
	Citations                        []result.Citation
	Examples                         Examples
	// Source is the rule as written, for `scrubs rules explain`.
	Source Rule
}

// EntityTypes returns the entity types an entity rule looks for.
func (r *RuleDef) EntityTypes() []result.Type { return r.types }

// TermDef is a compiled lexicon term.
type TermDef struct {
	Lexicon, Group, Meaning, Replace, Source string
	Severity                                 Severity
	NotNear, NeedsNear                       bool
	Text                                     string // the first pattern, for listings
}

// Set is the compiled, validated rules of the chosen packs and config.
type Set struct {
	Packs        []string
	Organisation string
	Signals      []SignalDef
	Rules        []*RuleDef
	Features     []FeatureDef
	Terms        []TermDef
	Phrases      *phrase.Set
	Owners       []Owner
	// ConfigTypes are the entity types of the organisation's terms, by index.
	ConfigTypes []result.Type
	// HasAllow is true when the organisation allows some phrases.
	HasAllow bool
	// MosaicAdded is true once the mosaic tables' patterns joined Phrases
	// (see AddMosaic), so that one pass finds them all.
	MosaicAdded bool
	// Lexicons are the lexicons the set uses.
	Lexicons map[string]*Lexicon

	signalIdx map[string]int
	ruleIdx   map[string]int
	lexTerms  map[string]bool
}

// AddMosaic adds the mosaic tables' patterns to the set's phrases, once, so
// that the judge's one pass over a post finds them too.
func (s *Set) AddMosaic(pats []*phrase.Pattern) {
	if s.MosaicAdded {
		return
	}
	s.MosaicAdded = true
	for i, p := range pats {
		s.Phrases.Add(p)
		s.Owners = append(s.Owners, Owner{OwnMosaic, i})
	}
}

// Rule returns the rule with the given id, or nil.
func (s *Set) Rule(id string) *RuleDef {
	if i, ok := s.ruleIdx[id]; ok {
		return s.Rules[i]
	}
	return nil
}

// ModelRule returns the set's model rule (kind model), or nil when it has none.
func (s *Set) ModelRule() *RuleDef {
	for _, r := range s.Rules {
		if r.Kind == "model" {
			return r
		}
	}
	return nil
}

// Signal returns the index of the named signal, or -1.
func (s *Set) Signal(id string) int {
	if i, ok := s.signalIdx[id]; ok {
		return i
	}
	return -1
}

// Profile chooses packs: by name, or by locale and role, or all when empty.
type Profile struct {
	Packs  []string
	Locale string
	Role   string
}

// roleAliases maps other spellings of roles to the names packs use.
var roleAliases = map[string]string{
	"med-student": "medical-student", "student-doctor": "medical-student", "medic": "doctor",
	"junior-doctor": "doctor", "f1": "fy1", "f2": "fy2", "foundation-doctor": "fy1", "reg": "registrar",
	"sn": "student-nurse", "nursing-student": "student-nurse", "na": "nursing-associate",
	"healthcare-assistant": "hca", "carer": "care-worker", "physiotherapist": "physio",
	"occupational-therapist": "ot", "operating-department-practitioner": "odp", "emt-paramedic": "paramedic",
	"registered-nurse": "rn", "nurse-practitioner": "np", "physician-assistant": "pa", "physician-associate": "pa",
	"doctor-of-medicine": "physician",
}

// NormaliseRole folds a role as a user or corpus writes it ("Student_Nurse",
// "med student") into the names packs use ("student-nurse", "medical-student").
func NormaliseRole(role string) string {
	r := strings.ToLower(strings.TrimSpace(role))
	r = strings.NewReplacer("_", "-", " ", "-").Replace(r)
	if a, ok := roleAliases[r]; ok {
		return a
	}
	return r
}

// Select returns the pack names a profile chooses, core first.
func (lib *Library) Select(p Profile) ([]string, error) {
	if len(p.Packs) > 0 {
		out := []string{"core"}
		for _, name := range p.Packs {
			if lib.Packs[name] == nil {
				return nil, fmt.Errorf("unknown pack %q%s (packs: %s)", name, didYouMean(name, lib.Order), strings.Join(lib.Order, ", "))
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
		return out, nil
	}
	if p.Locale != "" && !slices.Contains(Locales, p.Locale) {
		return nil, fmt.Errorf("unknown locale %q (locales: %s)", p.Locale, strings.Join(Locales, ", "))
	}
	if role := NormaliseRole(p.Role); role != "" {
		known := lib.Roles()
		if !slices.Contains(known, role) {
			return nil, fmt.Errorf("unknown role %q%s (roles: %s)", p.Role, didYouMean(role, known), strings.Join(known, ", "))
		}
	}
	out := []string{"core"}
	for _, name := range lib.Order {
		pk := lib.Packs[name]
		if name == "core" {
			continue
		}
		if p.Locale != "" && !slices.Contains(pk.Locales, p.Locale) {
			continue
		}
		if role := NormaliseRole(p.Role); role != "" && !slices.Contains(pk.Roles, "all") && !slices.Contains(pk.Roles, role) {
			continue
		}
		out = append(out, name)
	}
	return out, nil
}

// KnownRoles are roles scrubs knows even when no code pack names them (their
// codes are covered by core and the packs for every role).
var KnownRoles = []string{
	"doctor", "fy1", "fy2", "registrar", "consultant", "gp", "sho", "medical-student", "pa",
	"nurse", "student-nurse", "nursing-associate", "midwife", "student-midwife", "hca",
	"care-worker", "paramedic", "physio", "radiographer", "ot", "odp", "dietitian", "pharmacist",
	"physician", "attending", "resident", "intern", "rn", "lpn", "np", "cna", "emt",
	"dentist", "dental-nurse", "optometrist", "porter", "receptionist", "admin", "student",
}

// Roles lists the roles scrubs knows: KnownRoles and those the packs name, sorted.
func (lib *Library) Roles() []string {
	out := slices.Clone(KnownRoles)
	for _, p := range lib.Packs {
		for _, r := range p.Roles {
			if r != "all" && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}

// packVocabulary and packPatterns are the room made in the phrase set
// before the packs are compiled: the embedded packs and mosaic tables name
// about 6,500 distinct words in about 3,600 patterns, and an organisation's
// config adds its own.
const (
	packVocabulary = 8192
	packPatterns   = 4096
)

// Compile validates and compiles the named packs (core first) with an
// optional organisation config.
func (lib *Library) Compile(packs []string, cfg *Config) (*Set, error) {
	c := &compiler{lib: lib, set: &Set{
		Phrases: phrase.NewSetSized(packVocabulary, packPatterns), Lexicons: map[string]*Lexicon{},
		signalIdx: map[string]int{}, ruleIdx: map[string]int{}, lexTerms: map[string]bool{},
	}}
	c.startPhrases()
	err := c.compile(packs, cfg)
	if perr := c.finishPhrases(); perr != nil {
		return nil, perr // a phrase met before err
	}
	if err != nil {
		return nil, err
	}
	return c.set, nil
}

// compile is Compile's walk of the packs and config, but for the phrases,
// which addPhrase hands to the pipeline.
func (c *compiler) compile(packs []string, cfg *Config) error {
	lib := c.lib
	for _, name := range packs {
		p := lib.Packs[name]
		if p == nil {
			return fmt.Errorf("unknown pack %q", name)
		}
		if err := c.pack(p); err != nil {
			return err
		}
		c.set.Packs = append(c.set.Packs, name)
	}
	// The packs of the user's own code (those for particular roles) cite
	// first, so their paragraphs lead a risk's citations; then packs for every role.
	ordered := slices.Clone(packs)
	sort.SliceStable(ordered, func(i, j int) bool {
		return !slices.Contains(lib.Packs[ordered[i]].Roles, "all") && slices.Contains(lib.Packs[ordered[j]].Roles, "all")
	})
	for _, name := range ordered {
		if err := c.cites(lib.Packs[name]); err != nil {
			return err
		}
	}
	if cfg != nil {
		if err := c.config(cfg); err != nil {
			return err
		}
	}
	for _, r := range c.set.Rules {
		if len(r.Citations) == 0 {
			return errAt(r.File, r.Line, "rule %s has no citation; every rule cites the guidance it rests on", r.ID)
		}
	}
	return nil
}

type compiler struct {
	lib       *Library
	set       *Set
	codeCites map[string][]result.Citation // by rule id, from code packs
	// the phrase pipeline (see startPhrases)
	batch     []phraseJob
	toCompile chan []phraseJob
	compiled  chan []phraseJob
	phraseErr error
}

// The phrases of the packs are compiled on a second goroutine, pure work
// that the other core can do, while the walk of the packs goes on; the walk
// adds the compiled patterns to the phrase set in the order it met them, so
// that ids are the same as when compiled one by one. A phrase's error is
// returned as the first error when it came before the walk's own (the walk
// would have stopped there).

// compileInline has addPhrase compile and add each phrase at once, as
// before the pipeline: the reference that tests compare the pipeline with.
var compileInline = false

// phraseBatch is the number of phrases handed to the compiling goroutine at
// a time.
const phraseBatch = 128

// phraseJob is one phrase met by the walk and, once compiled, its pattern
// or error.
type phraseJob struct {
	src, file, what string
	line            int
	exact           bool
	p               *phrase.Pattern
	err             error
}

// startPhrases starts the goroutine that compiles the phrases, batch by
// batch, in order.
func (c *compiler) startPhrases() {
	c.toCompile, c.compiled = make(chan []phraseJob, 8), make(chan []phraseJob, 8)
	go func(in <-chan []phraseJob, out chan<- []phraseJob) {
		for b := range in {
			for i := range b {
				b[i].p, b[i].err = phrase.Compile(b[i].src, b[i].exact)
			}
			out <- b
		}
		close(out)
	}(c.toCompile, c.compiled)
}

// sendPhrases hands the batch over, adding the compiled batches that come
// back meanwhile (so that neither side waits on a full channel).
func (c *compiler) sendPhrases() {
	b := c.batch
	c.batch = nil
	for {
		select {
		case c.toCompile <- b:
			return
		case done := <-c.compiled:
			c.addCompiled(done)
		}
	}
}

// finishPhrases hands over the last batch, adds every compiled pattern to
// the set and returns the first phrase's error.
func (c *compiler) finishPhrases() error {
	if len(c.batch) > 0 {
		c.sendPhrases()
	}
	close(c.toCompile)
	for b := range c.compiled {
		c.addCompiled(b)
	}
	return c.phraseErr
}

// addCompiled adds a compiled batch to the set, up to the first error.
func (c *compiler) addCompiled(b []phraseJob) {
	for i := range b {
		j := &b[i]
		if c.phraseErr != nil {
			return
		}
		if j.err != nil {
			c.phraseErr = errAt(j.file, j.line, "%s: %v", j.what, j.err)
			return
		}
		c.set.Phrases.Add(j.p)
	}
}

type scope struct {
	file      string
	lines     map[string]int
	citations map[string]Citation
	pack      string
}

func (c *compiler) pack(p *Pack) error {
	sc := scope{file: p.file, lines: p.lines, citations: p.Citations, pack: p.Pack}
	if p.Title == "" {
		return errAt(p.file, 1, "pack %s has no title", p.Pack)
	}
	for _, l := range p.Locales {
		if !slices.Contains(Locales, l) {
			return errAt(p.file, p.lines["locales"], "unknown locale %q (locales: %s)", l, strings.Join(Locales, ", "))
		}
	}
	if len(p.Roles) == 0 {
		return errAt(p.file, 1, "pack %s lists no roles (use [all] for every role)", p.Pack)
	}
	if err := c.citationsOK(sc, p.Citations); err != nil {
		return err
	}
	return c.body(sc, p.Signals, p.Rules)
}

func (c *compiler) citationsOK(sc scope, cs map[string]Citation) error {
	for id, ct := range cs {
		if ct.Document == "" {
			return errAt(sc.file, sc.lines["citations"], "citation %s has no document", id)
		}
		if ct.Year != 0 && (ct.Year < 1990 || ct.Year > 2100) {
			return errAt(sc.file, sc.lines["citations"], "citation %s: year %d is not plausible", id, ct.Year)
		}
	}
	return nil
}

func (c *compiler) body(sc scope, signals []Signal, rules []Rule) error {
	for i, s := range signals {
		line := sc.lines["signals#"+fmt.Sprint(i)]
		if err := c.signal(sc, line, s); err != nil {
			return err
		}
	}
	for i, r := range rules {
		line := sc.lines["rules#"+fmt.Sprint(i)]
		if err := c.rule(sc, line, r); err != nil {
			return err
		}
	}
	return nil
}

var (
	signalID = regexp.MustCompile(`^[a-z][a-z0-9_]{1,40}$`)
	ruleID   = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){1,3}$`)
)

func (c *compiler) signal(sc scope, line int, s Signal) error {
	if !signalID.MatchString(s.ID) {
		return errAt(sc.file, line, "signal id %q must be lower_case_words", s.ID)
	}
	if _, dup := c.set.signalIdx[s.ID]; dup {
		return errAt(sc.file, line, "signal %s is defined twice", s.ID)
	}
	if s.Threshold <= 0 {
		return errAt(sc.file, line, "signal %s needs a threshold above 0", s.ID)
	}
	if len(s.Features) == 0 {
		return errAt(sc.file, line, "signal %s has no features", s.ID)
	}
	def := SignalDef{ID: s.ID, Description: s.Description, Threshold: s.Threshold}
	for _, f := range s.Features {
		idx, err := c.feature(sc, line, "signal "+s.ID, f)
		if err != nil {
			return err
		}
		def.Features = append(def.Features, idx)
	}
	c.set.signalIdx[s.ID] = len(c.set.Signals)
	c.set.Signals = append(c.set.Signals, def)
	return nil
}

func (c *compiler) feature(sc scope, line int, what string, f Feature) (int, error) {
	def := FeatureDef{Weight: 1, MinConfidence: f.MinConfidence, MinAge: f.MinAge}
	if f.Weight != nil {
		def.Weight = *f.Weight
	}
	set := 0
	idx := len(c.set.Features)
	if len(f.Phrases) > 0 {
		set++
		def.Kind = FeatPhrases
		for _, ph := range f.Phrases {
			if err := c.addPhrase(sc, line, what, ph, f.Exact, Owner{OwnFeature, idx}); err != nil {
				return 0, err
			}
		}
	}
	if len(f.Entities) > 0 {
		set++
		def.Kind = FeatEntities
		types, err := entityTypes(f.Entities)
		if err != nil {
			return 0, errAt(sc.file, line, "%s: %v", what, err)
		}
		def.Types, def.TypeMask = types, result.TypeMask(types...)
	}
	if len(f.NextTo) > 0 {
		if len(f.Entities) == 0 {
			return 0, errAt(sc.file, line, "%s: next_to narrows an entities feature; this feature has no entities", what)
		}
		for _, ph := range f.NextTo {
			if err := c.addPhrase(sc, line, what+" next_to", ph, false, Owner{OwnFeatureNextTo, idx}); err != nil {
				return 0, err
			}
		}
		def.NextTo = true
	}
	if f.Lexicon != "" {
		set++
		def.Kind = FeatLexicon
		if err := c.useLexicon(sc, line, what, f.Lexicon, f.Groups); err != nil {
			return 0, err
		}
		def.Lexicon, def.Groups = f.Lexicon, f.Groups
	}
	if f.Signal != "" {
		set++
		def.Kind = FeatSignal
		i, ok := c.set.signalIdx[f.Signal]
		if !ok {
			return 0, errAt(sc.file, line, "%s: unknown signal %q (a feature may only use signals defined before it)%s", what, f.Signal, didYouMean(f.Signal, mapKeys(c.set.signalIdx)))
		}
		def.Ref = i
	}
	if f.Rule != "" {
		set++
		def.Kind = FeatRule
		i, ok := c.set.ruleIdx[f.Rule]
		if !ok {
			return 0, errAt(sc.file, line, "%s: unknown rule %q (a feature may only use rules defined before it)", what, f.Rule)
		}
		def.Ref = i
	}
	if f.Fact != "" {
		set++
		def.Kind = FeatFact
		if !slices.Contains(Facts, f.Fact) {
			return 0, errAt(sc.file, line, "%s: unknown fact %q (facts: %s)", what, f.Fact, strings.Join(Facts, ", "))
		}
		if (f.AtMost == nil) == (f.AtLeast == nil) {
			return 0, errAt(sc.file, line, "%s: fact %s needs exactly one of at_most or at_least", what, f.Fact)
		}
		def.Fact, def.AtMost, def.AtLeast = f.Fact, f.AtMost, f.AtLeast
	}
	if set != 1 {
		return 0, errAt(sc.file, line, "%s: a feature sets exactly one of phrases, entities, lexicon, signal, rule or fact (this one sets %d)", what, set)
	}
	c.set.Features = append(c.set.Features, def)
	return idx, nil
}

// addPhrase hands a phrase to the pipeline (see startPhrases); its owner
// is recorded now, in the order of the phrases' ids.
func (c *compiler) addPhrase(sc scope, line int, what, ph string, exact bool, o Owner) error {
	if compileInline {
		p, err := phrase.Compile(ph, exact)
		if err != nil {
			return errAt(sc.file, line, "%s: %v", what, err)
		}
		c.set.Phrases.Add(p)
		c.set.Owners = append(c.set.Owners, o)
		return nil
	}
	if c.batch == nil {
		c.batch = make([]phraseJob, 0, phraseBatch)
	}
	c.batch = append(c.batch, phraseJob{src: ph, exact: exact, file: sc.file, line: line, what: what})
	if len(c.batch) == phraseBatch {
		c.sendPhrases()
	}
	c.set.Owners = append(c.set.Owners, o)
	return nil
}

func entityTypes(names []string) ([]result.Type, error) {
	var all []string
	for _, t := range result.AllTypes {
		all = append(all, string(t))
	}
	var out []result.Type
	for _, n := range names {
		if !slices.Contains(all, n) {
			return nil, fmt.Errorf("unknown entity type %q%s", n, didYouMean(n, all))
		}
		out = append(out, result.Type(n))
	}
	return out, nil
}

// useLexicon checks a lexicon reference and adds its terms to the set once.
func (c *compiler) useLexicon(sc scope, line int, what, name string, groups []string) error {
	l := c.lib.Lexicons[name]
	if l == nil {
		return errAt(sc.file, line, "%s: unknown lexicon %q%s", what, name, didYouMean(name, mapKeys(c.lib.Lexicons)))
	}
	for _, g := range groups {
		if !slices.ContainsFunc(l.Terms, func(t Term) bool { return t.Group == g }) {
			return errAt(sc.file, line, "%s: lexicon %s has no group %q", what, name, g)
		}
	}
	if c.set.lexTerms[name] {
		return nil
	}
	c.set.lexTerms[name] = true
	c.set.Lexicons[name] = l
	return c.lexicon(l)
}

func (c *compiler) lexicon(l *Lexicon) error {
	sources := map[string]Source{}
	for _, s := range l.Sources {
		sources[s.ID] = s
	}
	lsc := scope{file: l.file}
	for i, t := range l.Terms {
		line := l.lines[i]
		if len(t.Match) == 0 {
			return errAt(l.file, line, "term has no match patterns")
		}
		sev, ok := ParseSeverity(t.Severity)
		if !ok {
			return errAt(l.file, line, "term %q: unknown severity %q (severities: %s)", t.Match[0], t.Severity, strings.Join(severityNames, ", "))
		}
		src, ok := sources[t.Source]
		if !ok {
			return errAt(l.file, line, "term %q: source %q is not among the lexicon's sources", t.Match[0], t.Source)
		}
		if t.Case != "" && t.Case != "exact" {
			return errAt(l.file, line, "term %q: case is either exact or left out", t.Match[0])
		}
		idx := len(c.set.Terms)
		def := TermDef{Lexicon: l.Lexicon, Group: t.Group, Meaning: t.Meaning, Replace: t.Replace,
			Source: src.Cite, Severity: sev, NotNear: len(t.NotNear) > 0, NeedsNear: len(t.NeedsNear) > 0, Text: t.Match[0]}
		if !src.Verified {
			def.Source += " (reported usage, not verified)"
		}
		c.set.Terms = append(c.set.Terms, def)
		what := fmt.Sprintf("term %q", t.Match[0])
		for _, m := range t.Match {
			if err := c.addPhrase(lsc, line, what, m, t.Case == "exact", Owner{OwnTerm, idx}); err != nil {
				return err
			}
		}
		for _, m := range t.NotNear {
			if err := c.addPhrase(lsc, line, what+" not_near", m, false, Owner{OwnTermNotNear, idx}); err != nil {
				return err
			}
		}
		for _, m := range t.NeedsNear {
			if err := c.addPhrase(lsc, line, what+" needs_near", m, false, Owner{OwnTermNeedsNear, idx}); err != nil {
				return err
			}
		}
	}
	return nil
}

// placeholders are the {names} a message or fix may use.
var placeholders = []string{"match", "meaning", "replace", "mosaic", "k"}

// modelPlaceholders are the {names} a model rule's message and fix may use
// too: the category the model found and the words that weighed most.
var modelPlaceholders = []string{"category", "words"}

var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

func (c *compiler) rule(sc scope, line int, r Rule) error {
	if !ruleID.MatchString(r.ID) {
		return errAt(sc.file, line, "rule id %q must look like CONF-001 (capitals, digits, hyphen)", r.ID)
	}
	if _, dup := c.set.ruleIdx[r.ID]; dup {
		return errAt(sc.file, line, "rule %s is defined twice", r.ID)
	}
	bad := func(format string, args ...any) error {
		return errAt(sc.file, line, "rule %s: %s", r.ID, fmt.Sprintf(format, args...))
	}
	if r.Kind == "model" {
		if r.Category != "" {
			return bad("a model rule takes its category from the model: leave category out")
		}
	} else if !slices.Contains(Categories, r.Category) {
		return bad("unknown category %q%s (categories: %s)", r.Category, didYouMean(r.Category, Categories), strings.Join(Categories, ", "))
	}
	def := &RuleDef{ID: r.ID, Title: r.Title, Category: r.Category, Kind: r.Kind, Pack: sc.pack,
		File: sc.file, Line: line, Message: r.Message, Fix: r.Fix, Examples: r.Examples, Source: r}
	if r.Severity == "terms" {
		def.SeverityFromTerms = true
		if r.Kind != "lexicon" || r.Lexicon == "" {
			return bad("severity terms needs kind lexicon with a lexicon")
		}
	} else {
		sev, ok := ParseSeverity(r.Severity)
		if !ok {
			return bad("unknown severity %q (severities: %s, or terms)", r.Severity, strings.Join(severityNames, ", "))
		}
		def.Severity = sev
	}
	if r.Title == "" || r.Message == "" || r.Fix == "" {
		return bad("needs a title, a message and a fix")
	}
	for _, text := range []string{r.Message, r.Fix} {
		for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
			if r.Kind == "model" && slices.Contains(modelPlaceholders, m[1]) {
				continue
			}
			if !slices.Contains(placeholders, m[1]) {
				if slices.Contains(modelPlaceholders, m[1]) {
					return bad("placeholder {%s} belongs to model rules", m[1])
				}
				return bad("unknown placeholder {%s} (placeholders: %s)", m[1], strings.Join(placeholders, ", "))
			}
			if def.Uses == nil {
				def.Uses = map[string]bool{}
			}
			def.Uses[m[1]] = true
		}
	}
	def.Templated = def.Uses != nil
	def.UsesMatch = def.Uses["match"]
	def.UsesMosaic = def.Uses["mosaic"] || def.Uses["k"]
	if len(r.Examples.Trigger) == 0 || len(r.Examples.Quiet) == 0 {
		return bad("needs examples: at least one post that triggers it and one that must stay quiet")
	}
	idx := len(c.set.Rules)
	what := "rule " + r.ID
	uses := map[string]bool{
		"entities": r.Entities != nil, "lexicon": r.Lexicon != "" || len(r.Phrases) > 0,
		"patterns": len(r.Patterns)+len(r.Keywords) > 0, "condition": r.Condition != nil, "score": r.Score != nil,
		"model": r.Model != nil,
	}
	want := map[string]string{"entity": "entities", "lexicon": "lexicon", "pattern": "patterns", "condition": "condition", "score": "score", "model": "model"}[r.Kind]
	if want == "" {
		return bad("unknown kind %q%s (kinds: %s)", r.Kind, didYouMean(r.Kind, Kinds), strings.Join(Kinds, ", "))
	}
	for k, set := range uses {
		if set && k != want {
			return bad("kind %s does not take %s", r.Kind, k)
		}
	}
	if !uses[want] || r.Kind == "pattern" && len(r.Patterns) == 0 {
		return bad("kind %s needs %s", r.Kind, want)
	}
	switch r.Kind {
	case "entity":
		types, err := entityTypes(r.Entities.Types)
		if err != nil || len(types) == 0 {
			return bad("entities: %v", err)
		}
		def.Entities, def.types, def.TypeMask = r.Entities, types, result.TypeMask(types...)
		for _, expr := range r.Entities.Exclude {
			re, err := compileRegexp(expr, false)
			if err != nil {
				return bad("entities exclude: %v", err)
			}
			def.Exclude = append(def.Exclude, re)
		}
	case "lexicon":
		if r.Lexicon != "" && len(r.Phrases) > 0 {
			return bad("use a lexicon or phrases, not both")
		}
		if r.Lexicon != "" {
			if err := c.useLexicon(sc, line, what, r.Lexicon, r.Groups); err != nil {
				return err
			}
			def.Lexicon, def.Groups = r.Lexicon, r.Groups
		}
		for _, ph := range r.Phrases {
			if err := c.addPhrase(sc, line, what, ph, r.Exact, Owner{OwnRulePhrase, idx}); err != nil {
				return err
			}
			def.HasPhrase = true
		}
	case "pattern":
		if len(r.Keywords) == 0 {
			return bad("a pattern rule needs keywords: words one of which must occur in a sentence before its expressions run there")
		}
		for _, kw := range r.Keywords {
			if kw == "#" {
				def.AnyNumber = true // any sentence with a number
				continue
			}
			if err := c.addPhrase(sc, line, what+" keywords", kw, false, Owner{OwnRuleKeyword, idx}); err != nil {
				return err
			}
		}
		for _, expr := range r.Patterns {
			re, err := compileRegexp(expr, r.Exact)
			if err != nil {
				return bad("%v", err)
			}
			def.Regexps = append(def.Regexps, re)
		}
	case "condition":
		var err error
		if len(r.Condition.All)+len(r.Condition.Any) == 0 {
			return bad("a condition needs all or any")
		}
		if def.All, err = c.refs(r.Condition.All); err == nil {
			if def.Any, err = c.refs(r.Condition.Any); err == nil {
				def.None, err = c.refs(r.Condition.None)
			}
		}
		if err != nil {
			return bad("%v", err)
		}
	case "score":
		if r.Score.Threshold == 0 || len(r.Score.Features) == 0 {
			return bad("a score needs a threshold and features")
		}
		def.Threshold = r.Score.Threshold
		for _, f := range r.Score.Features {
			fi, err := c.feature(sc, line, what, f)
			if err != nil {
				return err
			}
			def.Features = append(def.Features, fi)
		}
	case "model":
		if prev := c.set.ModelRule(); prev != nil {
			return bad("a set has one model rule at most, and %s is one", prev.ID)
		}
		if len(r.When)+len(r.Unless) > 0 {
			return bad("a model rule is gated by model.when_any, not when or unless")
		}
		if len(r.Model.WhenAny) == 0 {
			return bad("model.when_any needs the signals of which one must hold for the model to be asked")
		}
		var err error
		if def.ModelWhen, err = c.signalRefs(r.Model.WhenAny); err != nil {
			return bad("model.when_any: %v", err)
		}
		for cat, fix := range r.Model.Fixes {
			if !slices.Contains(Categories, cat) {
				return bad("model.fixes: unknown category %q%s", cat, didYouMean(cat, Categories))
			}
			if strings.TrimSpace(fix) == "" {
				return bad("model.fixes: an empty fix for %s", cat)
			}
		}
		def.ModelFixes = r.Model.Fixes
	}
	if len(r.NotNear)+len(r.NeedsNear) > 0 && r.Kind != "lexicon" {
		return bad("not_near and needs_near belong to lexicon rules")
	}
	for _, ph := range r.NotNear {
		if err := c.addPhrase(sc, line, what+" not_near", ph, false, Owner{OwnRuleNotNear, idx}); err != nil {
			return err
		}
		def.NotNear = true
	}
	for _, ph := range r.NeedsNear {
		if err := c.addPhrase(sc, line, what+" needs_near", ph, false, Owner{OwnRuleNeedsNear, idx}); err != nil {
			return err
		}
		def.NeedsNear = true
	}
	var err error
	if def.When, err = c.signalRefs(r.When); err != nil {
		return bad("when: %v", err)
	}
	if def.Unless, err = c.signalRefs(r.Unless); err != nil {
		return bad("unless: %v", err)
	}
	for _, id := range r.Cite {
		ct, ok := sc.citations[id]
		if !ok && c.lib.Packs["core"] != nil {
			ct, ok = c.lib.Packs["core"].Citations[id]
		}
		if !ok {
			return bad("cites unknown citation %q", id)
		}
		def.Citations = append(def.Citations, toResult(ct))
	}
	c.set.ruleIdx[r.ID] = idx
	c.set.Rules = append(c.set.Rules, def)
	return nil
}

func toResult(ct Citation) result.Citation {
	return result.Citation{Document: ct.Document, Year: ct.Year, Paragraph: ct.Paragraph,
		Unverified: ct.Verified != nil && !*ct.Verified, URL: ct.URL}
}

func (c *compiler) refs(names []string) ([]Ref, error) {
	var out []Ref
	for _, n := range names {
		if i, ok := c.set.signalIdx[n]; ok {
			out = append(out, Ref{Signal: true, Index: i})
			continue
		}
		if i, ok := c.set.ruleIdx[n]; ok {
			out = append(out, Ref{Index: i})
			continue
		}
		return nil, fmt.Errorf("%q is neither a signal nor a rule defined before this one", n)
	}
	return out, nil
}

func (c *compiler) signalRefs(names []string) ([]int, error) {
	var out []int
	for _, n := range names {
		i, ok := c.set.signalIdx[n]
		if !ok {
			return nil, fmt.Errorf("unknown signal %q%s", n, didYouMean(n, mapKeys(c.set.signalIdx)))
		}
		out = append(out, i)
	}
	return out, nil
}

// cites attaches a pack's citations to rules defined in other packs. A rule
// cited by the chosen code packs shows those citations (the user's own code)
// instead of the core pack's general ones.
func (c *compiler) cites(p *Pack) error {
	for id, refs := range p.Cites {
		r := c.set.Rule(id)
		if r == nil {
			if c.lib.ruleDefined(id) {
				continue // the rule's pack is not chosen
			}
			return errAt(p.file, p.lines["cites"], "cites: unknown rule %s", id)
		}
		if c.codeCites == nil {
			c.codeCites = map[string][]result.Citation{}
		}
		if _, first := c.codeCites[id]; !first {
			r.Citations = nil // code citations replace the core ones
		}
		for _, ref := range refs {
			ct, ok := p.Citations[ref]
			if !ok {
				return errAt(p.file, p.lines["cites"], "cites %s: unknown citation %q", id, ref)
			}
			c.codeCites[id] = append(c.codeCites[id], toResult(ct))
			r.Citations = append(r.Citations, toResult(ct))
		}
	}
	return nil
}

func (lib *Library) ruleDefined(id string) bool {
	for _, p := range lib.Packs {
		for _, r := range p.Rules {
			if r.ID == id {
				return true
			}
		}
	}
	return false
}

func (c *compiler) config(cfg *Config) error {
	sc := scope{file: cfg.file, lines: cfg.lines, citations: cfg.Citations, pack: "config"}
	c.set.Organisation = cfg.Organisation
	if err := c.citationsOK(sc, cfg.Citations); err != nil {
		return err
	}
	lists := []struct {
		words []string
		t     result.Type
		name  string
	}{
		{cfg.Terms.Wards, result.Ward, "wards"}, {cfg.Terms.Hospitals, result.Hospital, "hospitals"},
		{cfg.Terms.Places, result.City, "places"}, {cfg.Terms.Staff, result.NameStaff, "staff"},
		{cfg.Terms.Patients, result.NamePatient, "patients"},
	}
	for _, l := range lists {
		if len(l.words) == 0 {
			continue
		}
		ti := len(c.set.ConfigTypes)
		c.set.ConfigTypes = append(c.set.ConfigTypes, l.t)
		for _, w := range l.words {
			if err := c.addPhrase(sc, sc.lines["terms"], "terms "+l.name, literal(w), false, Owner{OwnConfigTerm, ti}); err != nil {
				return err
			}
		}
	}
	c.set.HasAllow = len(cfg.Allow) > 0
	for i, a := range cfg.Allow {
		if err := c.addPhrase(sc, sc.lines["allow"], "allow", literal(a), false, Owner{OwnAllow, i}); err != nil {
			return err
		}
	}
	return c.body(sc, cfg.Signals, cfg.Rules)
}

// literal turns a name as an organisation writes it ("St Mary's Ward 7-B")
// into a pattern of its words.
func literal(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '\'' || r == '\u2019' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r > 0x7f)
	})
	return strings.Join(f, " ")
}

// maxRegexpLen and maxRegexpInsts bound a pattern rule's expressions.
const (
	maxRegexpLen   = 400
	maxRegexpInsts = 3000
)

// compileRegexp compiles a pattern rule's expression (RE2, linear time) and
// refuses one that is very large or nests a repeat inside a repeat, which
// would be catastrophic in the backtracking engines packs may also be used
// with.
func compileRegexp(expr string, exact bool) (*regexp.Regexp, error) {
	if len(expr) > maxRegexpLen {
		return nil, fmt.Errorf("pattern %.30q… is longer than %d bytes", expr, maxRegexpLen)
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %v", expr, err)
	}
	if nestedRepeat(re, false) {
		return nil, fmt.Errorf("pattern %q repeats a group that itself repeats, such as (a+)+: that is catastrophic in backtracking regex engines; rewrite it with one repeat", expr)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || len(prog.Inst) > maxRegexpInsts {
		return nil, fmt.Errorf("pattern %q is too large (counted repeats expand; keep it small)", expr)
	}
	if !exact {
		expr = "(?i)" + expr
	}
	return regexp.Compile(expr)
}

func nestedRepeat(re *syntax.Regexp, inRepeat bool) bool {
	rep := re.Op == syntax.OpStar || re.Op == syntax.OpPlus || re.Op == syntax.OpRepeat && (re.Max == -1 || re.Max > 1)
	if rep && inRepeat {
		return true
	}
	for _, s := range re.Sub {
		if nestedRepeat(s, inRepeat || rep) {
			return true
		}
	}
	return false
}

// didYouMean suggests the closest known name, when one is close.
func didYouMean(s string, known []string) string { return yamldoc.DidYouMean(s, known) }

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
