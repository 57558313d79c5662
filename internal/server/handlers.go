package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/batch"
	"github.com/scrubshq/scrubs/internal/judge"
	"github.com/scrubshq/scrubs/internal/redact"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/store"
)

// Limits on request fields.
const (
	maxIgnore      = 1000
	maxPacks       = 32
	maxNameLen     = 64
	maxReasonLen   = 500
	maxConfigBytes = 256 << 10
)

// fingerprintRE is the shape of a risk fingerprint: RULE-ID:16 hex digits
// (as scrubs.ReadIgnore accepts).
var fingerprintRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+:[0-9a-f]{16}$`)

// options are the fields of a request that choose packs and findings to leave out.
type options struct {
	Locale string   `json:"locale,omitempty"`
	Role   string   `json:"role,omitempty"`
	Packs  []string `json:"packs,omitempty"`
	Ignore []string `json:"ignore,omitempty"`
}

// validate checks the sizes and shapes of the options.
func (o *options) validate() error {
	if len(o.Locale) > maxNameLen || len(o.Role) > maxNameLen {
		return errors.New("locale and role are short names such as uk and nurse")
	}
	if len(o.Packs) > maxPacks {
		return fmt.Errorf("at most %d packs", maxPacks)
	}
	for _, p := range o.Packs {
		if p == "" || len(p) > maxNameLen {
			return fmt.Errorf("pack names are short names such as uk-nmc")
		}
	}
	if len(o.Ignore) > maxIgnore {
		return fmt.Errorf("at most %d fingerprints to ignore", maxIgnore)
	}
	for _, fp := range o.Ignore {
		if !fingerprintRE.MatchString(fp) {
			return fmt.Errorf("%q is not a fingerprint (RULE-ID:16 hex digits, as in a risk's \"fingerprint\")", truncate(fp, 40))
		}
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// profileFor chooses the packs: the request's packs; else its locale and
// role (each falling back to the organisation's); else the organisation's
// defaults. The organisation's config always applies.
func (s *Server) profileFor(o options, org *orgState) profile {
	st := org.settings
	switch {
	case len(o.Packs) > 0:
		return profile{locale: or(o.Locale, st.Locale), packs: o.Packs, config: st.Config}
	case o.Locale != "" || o.Role != "":
		return profile{locale: or(o.Locale, st.Locale), role: or(o.Role, st.Role), config: st.Config}
	}
	return s.defaultProfile(org)
}

func (s *Server) defaultProfile(org *orgState) profile {
	st := org.settings
	return profile{locale: st.Locale, role: st.Role, packs: st.Packs, config: st.Config}
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// checker returns the checker for the options, answering 422 itself when
// they name an unknown locale, role or pack.
func (s *Server) checker(w http.ResponseWriter, o options, org *orgState) (*scrubs.Checker, bool) {
	if err := o.validate(); err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, err.Error())
		return nil, false
	}
	c, err := s.cache.get(s.profileFor(o, org))
	if err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, s.cleanErr(err))
		return nil, false
	}
	return c, true
}

// applyIgnore leaves out the risks on the organisation's list and those
// the request asks to ignore — except, when the organisation requires a
// reason to dismiss block findings, block-severity ones (those can only be
// dismissed through the organisation's list, with a reason).
func applyIgnore(res *result.Result, org *orgState, req []string) {
	if res == nil || len(res.Risks) == 0 || (len(org.ignore) == 0 && len(req) == 0) {
		return
	}
	kept := res.Risks[:0:0]
	dropped := 0
	for _, r := range res.Risks {
		if org.ignore[r.Fingerprint] ||
			(slices.Contains(req, r.Fingerprint) && !(org.settings.RequireReasonForBlock && r.Severity == "block")) {
			dropped++
			continue
		}
		kept = append(kept, r)
	}
	if dropped == 0 {
		return
	}
	res.Risks = kept
	res.Ignored += dropped
	res.Verdict, res.Categories = judge.Verdict(kept)
}

// record counts a check for the metrics and the dashboard: its verdict,
// and each risk's category and pack. Nothing of the text.
func (s *Server) record(c *scrubs.Checker, res *result.Result) {
	s.metrics.check(string(res.Verdict))
	var keys []store.RiskKey
	if len(res.Risks) > 0 {
		set := c.Rules()
		keys = make([]store.RiskKey, 0, len(res.Risks))
		for _, r := range res.Risks {
			k := store.RiskKey{Category: r.Category}
			if rd := set.Rule(r.Rule); rd != nil {
				k.Pack = rd.Pack
			}
			keys = append(keys, k)
		}
	}
	s.tally.Add(string(res.Verdict), keys)
}

// checkError answers a failed check.
func (s *Server) checkError(w http.ResponseWriter, err error) {
	switch {
	case scrubs.IsInputError(err):
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, err.Error())
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		writeProblem(w, http.StatusServiceUnavailable, probTimeout, "the check took too long")
	default:
		s.log.Error("check failed", "error", err)
		writeProblem(w, http.StatusInternalServerError, probInternal, "the check failed")
	}
}

// checkRequest is the body of POST /v1/check.
type checkRequest struct {
	Text *string `json:"text"`
	options
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	var req checkRequest
	if !s.decode(w, r, &req) {
		return
	}
	if req.Text == nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `"text" is required`)
		return
	}
	org := s.org.Load()
	c, ok := s.checker(w, req.options, org)
	if !ok {
		return
	}
	res, err := c.Check(r.Context(), *req.Text)
	if err != nil {
		s.checkError(w, err)
		return
	}
	applyIgnore(res, org, req.Ignore)
	s.record(c, res)
	writeJSON(w, http.StatusOK, res)
}

// batchRequest is the body of POST /v1/check/batch: items, each with its
// own options or those of the request.
type batchRequest struct {
	Items []batchItem `json:"items"`
	options
}

type batchItem struct {
	ID   any     `json:"id"`
	Text *string `json:"text"`
	options
}

// batchChunk is the most items of a batch request one CheckBatch call takes.
const batchChunk = 32

func (s *Server) checkBatch(w http.ResponseWriter, r *http.Request) {
	var req batchRequest
	if !s.decode(w, r, &req) {
		return
	}
	if req.Items == nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `"items" is required`)
		return
	}
	if len(req.Items) > s.cfg.MaxBatchItems {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("at most %d items per batch", s.cfg.MaxBatchItems))
		return
	}
	if err := (&options{Ignore: req.Ignore}).validate(); err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, err.Error())
		return
	}
	org := s.org.Load()
	checkers := make([]*scrubs.Checker, len(req.Items))
	for i, it := range req.Items {
		if it.Text == nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf(`items[%d]: "text" is required`, i))
			return
		}
		o := it.options
		if o.Locale == "" && o.Role == "" && len(o.Packs) == 0 {
			o.Locale, o.Role, o.Packs = req.Locale, req.Role, req.Packs
		}
		if err := o.validate(); err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("items[%d]: %v", i, err))
			return
		}
		c, err := s.cache.get(s.profileFor(o, org))
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("items[%d]: %s", i, s.cleanErr(err)))
			return
		}
		checkers[i] = c
	}
	results := make([]report.Line, len(req.Items))
	errs := make([]error, len(req.Items))
	// The items of each checker go to CheckBatch in chunks, one goroutine
	// per chunk and at most one per core: a family's code stays in the
	// core's caches from one post to the next (docs/BENCHMARKS.md).
	workers := runtime.GOMAXPROCS(0)
	size := min(batchChunk, max(1, (len(req.Items)+workers-1)/workers))
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	for _, all := range batch.Groups(len(checkers), func(i int) (*scrubs.Checker, bool) { return checkers[i], true }) {
		c := checkers[all[0]]
		for lo := 0; lo < len(all); lo += size {
			idx := all[lo:min(lo+size, len(all))]
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				texts := make([]string, len(idx))
				for k, i := range idx {
					texts[k] = *req.Items[i].Text
				}
				for k, o := range c.CheckBatch(r.Context(), texts) {
					i := idx[k]
					if o.Err != nil {
						errs[i] = o.Err
						continue
					}
					it := req.Items[i]
					applyIgnore(o.Result, org, append(slices.Clip(req.Ignore), it.Ignore...))
					s.record(c, o.Result)
					results[i] = report.LineOf(it.ID, o.Result)
				}
			}()
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			s.checkError(w, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": results})
}

// redactRequest is the body of POST /v1/redact.
type redactRequest struct {
	Text     *string `json:"text"`
	Operator string  `json:"operator,omitempty"`
	options
}

// redactResponse is the answer of POST /v1/redact.
type redactResponse struct {
	Text    string          `json:"text"`
	Changes []scrubs.Change `json:"changes"`
	// Before is the check of the post as sent; Result the re-check of Text.
	Before *scrubs.Result `json:"before"`
	Result *scrubs.Result `json:"result"`
}

func (s *Server) redact(w http.ResponseWriter, r *http.Request) {
	var req redactRequest
	if !s.decode(w, r, &req) {
		return
	}
	if req.Text == nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `"text" is required`)
		return
	}
	if req.Operator != "" && !slices.Contains(redact.Operators, redact.Operator(req.Operator)) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid,
			fmt.Sprintf("unknown operator %q (operators: generalise, placeholder, mask, remove)", truncate(req.Operator, 40)))
		return
	}
	org := s.org.Load()
	c, ok := s.checker(w, req.options, org)
	if !ok {
		return
	}
	red, err := c.Redact(r.Context(), *req.Text, scrubs.Operator(req.Operator))
	if err != nil {
		s.checkError(w, err)
		return
	}
	applyIgnore(red.Before, org, req.Ignore)
	applyIgnore(red.After, org, req.Ignore)
	s.record(c, red.Before)
	writeJSON(w, http.StatusOK, redactResponse{Text: red.Text, Changes: red.Changes, Before: red.Before, Result: red.After})
}

// ruleOut is a rule as GET /v1/rules shows it (the same fields as
// `scrubs rules --format json`).
type ruleOut struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Category  string            `json:"category"`
	Severity  string            `json:"severity"`
	Kind      string            `json:"kind"`
	Pack      string            `json:"pack"`
	Message   string            `json:"message,omitempty"`
	Fix       string            `json:"fix,omitempty"`
	When      []string          `json:"when,omitempty"`
	Unless    []string          `json:"unless,omitempty"`
	Citations []result.Citation `json:"citations"`
	Examples  *rules.Examples   `json:"examples,omitempty"`
}

func ruleJSON(r *rules.RuleDef, full bool) ruleOut {
	sev := r.Severity.String()
	if r.SeverityFromTerms {
		sev = "terms"
	}
	cites := r.Citations
	if cites == nil {
		cites = []result.Citation{}
	}
	o := ruleOut{ID: r.ID, Title: r.Title, Category: r.Category, Severity: sev, Kind: r.Kind, Pack: r.Pack, Citations: cites}
	if full {
		o.Message, o.Fix = r.Source.Message, r.Source.Fix
		o.When, o.Unless = r.Source.When, r.Source.Unless
		ex := r.Examples
		o.Examples = &ex
	}
	return o
}

// rulesChecker is the checker GET /v1/rules and /v1/rules/{id} describe:
// chosen by ?locale, ?role and ?pack (comma-separated) like a check.
func (s *Server) rulesChecker(w http.ResponseWriter, r *http.Request) (*scrubs.Checker, bool) {
	q := r.URL.Query()
	o := options{Locale: q.Get("locale"), Role: q.Get("role")}
	for _, p := range strings.Split(q.Get("pack"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			o.Packs = append(o.Packs, p)
		}
	}
	return s.checker(w, o, s.org.Load())
}

func (s *Server) rules(w http.ResponseWriter, r *http.Request) {
	c, ok := s.rulesChecker(w, r)
	if !ok {
		return
	}
	set := c.Rules()
	out := make([]ruleOut, 0, len(set.Rules))
	for _, rd := range set.Rules {
		out = append(out, ruleJSON(rd, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"packs": set.Packs, "rules": out})
}

func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	c, ok := s.rulesChecker(w, r)
	if !ok {
		return
	}
	id := strings.ToUpper(r.PathValue("id"))
	rd := c.Rules().Rule(id)
	if rd == nil {
		writeProblem(w, http.StatusNotFound, probNotFound, fmt.Sprintf("no active rule %q (list them with GET /v1/rules)", truncate(id, 40)))
		return
	}
	writeJSON(w, http.StatusOK, ruleJSON(rd, true))
}

// publicConfig is what GET /v1/config tells anyone (the web page): the
// organisation's default locale, role and packs and whether dismissing a
// block finding needs a reason — not its config, which may name staff.
type publicConfig struct {
	Locale                string   `json:"locale"`
	Role                  string   `json:"role"`
	Packs                 []string `json:"packs"`
	RequireReasonForBlock bool     `json:"require_reason_for_block_dismissal"`
}

func (s *Server) publicConfig(w http.ResponseWriter, r *http.Request) {
	st := s.org.Load().settings
	writeJSON(w, http.StatusOK, publicConfig{Locale: st.Locale, Role: st.Role, Packs: st.Packs, RequireReasonForBlock: st.RequireReasonForBlock})
}

func (s *Server) getSettings(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Settings(r.Context())
	if err != nil {
		s.storeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// settingsRequest is the body of PUT /v1/org/settings. Config is the
// organisation config as a YAML string or as a JSON object.
type settingsRequest struct {
	Locale                string          `json:"locale"`
	Role                  string          `json:"role"`
	Packs                 []string        `json:"packs"`
	Config                json.RawMessage `json:"config"`
	RequireReasonForBlock bool            `json:"require_reason_for_block_dismissal"`
	// Revision and UpdatedAt may be sent back as read; they are ignored.
	Revision  int64  `json:"revision"`
	UpdatedAt string `json:"updated_at"`
}

func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) {
	var req settingsRequest
	if !s.decode(w, r, &req) {
		return
	}
	st := store.Settings{Locale: req.Locale, Role: req.Role, Packs: req.Packs, RequireReasonForBlock: req.RequireReasonForBlock}
	if st.Packs == nil {
		st.Packs = []string{}
	}
	if err := (&options{Locale: st.Locale, Role: st.Role, Packs: st.Packs}).validate(); err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, err.Error())
		return
	}
	raw := strings.TrimSpace(string(req.Config))
	switch {
	case raw == "" || raw == "null":
	case strings.HasPrefix(raw, `"`):
		if err := json.Unmarshal(req.Config, &st.Config); err != nil {
			writeProblem(w, http.StatusBadRequest, probBadJSON, "config: "+err.Error())
			return
		}
	case strings.HasPrefix(raw, "{"):
		st.Config = raw // JSON is YAML
	default:
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "config is a YAML string or a JSON object")
		return
	}
	if len(st.Config) > maxConfigBytes {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("config is larger than %d KiB", maxConfigBytes>>10))
		return
	}
	// the settings must build a checker before they are kept
	if _, err := s.cache.get(profile{locale: st.Locale, role: st.Role, packs: st.Packs, config: st.Config}); err != nil {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, s.cleanErr(err))
		return
	}
	saved, err := s.store.PutSettings(r.Context(), st)
	if err != nil {
		s.storeError(w, err)
		return
	}
	if err := s.reloadOrg(r.Context()); err != nil {
		s.log.Warn("reloading the organisation's settings", "error", err)
	}
	writeJSON(w, http.StatusOK, saved)
}

func (s *Server) getIgnore(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.IgnoreList(r.Context())
	if err != nil {
		s.storeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ignore": list})
}

// ignoreRequest is the body of POST /v1/org/ignore.
type ignoreRequest struct {
	Fingerprint string `json:"fingerprint"`
	Reason      string `json:"reason"`
}

func (s *Server) addIgnore(w http.ResponseWriter, r *http.Request) {
	var req ignoreRequest
	if !s.decode(w, r, &req) {
		return
	}
	if !fingerprintRE.MatchString(req.Fingerprint) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, `"fingerprint" is RULE-ID:16 hex digits, as in a risk's "fingerprint"`)
		return
	}
	req.Reason = strings.TrimSpace(req.Reason)
	if len(req.Reason) > maxReasonLen {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, fmt.Sprintf("the reason is longer than %d bytes: say why, without quoting the post", maxReasonLen))
		return
	}
	org := s.org.Load()
	if org.settings.RequireReasonForBlock && req.Reason == "" && s.mayBlock(org, req.Fingerprint) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "the organisation requires a reason to dismiss a block-severity finding")
		return
	}
	ig, err := s.store.AddIgnore(r.Context(), req.Fingerprint, req.Reason)
	if err != nil {
		s.storeError(w, err)
		return
	}
	if err := s.reloadOrg(r.Context()); err != nil {
		s.log.Warn("reloading the organisation's list", "error", err)
	}
	writeJSON(w, http.StatusCreated, ig)
}

// mayBlock reports whether the rule of a fingerprint can raise a
// block-severity risk (looked up among every pack and the organisation's
// rules; an unknown rule counts as one that may).
func (s *Server) mayBlock(org *orgState, fp string) bool {
	id, _, _ := strings.Cut(fp, ":")
	c, err := s.cache.get(profile{config: org.settings.Config})
	if err != nil {
		return true
	}
	rd := c.Rules().Rule(id)
	return rd == nil || rd.SeverityFromTerms || rd.Severity.String() == "block"
}

func (s *Server) deleteIgnore(w http.ResponseWriter, r *http.Request) {
	fp := r.PathValue("fingerprint")
	if !fingerprintRE.MatchString(fp) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "not a fingerprint (RULE-ID:16 hex digits)")
		return
	}
	err := s.store.DeleteIgnore(r.Context(), fp)
	if errors.Is(err, store.ErrNotFound) {
		writeProblem(w, http.StatusNotFound, probNotFound, "that fingerprint is not on the list")
		return
	}
	if err != nil {
		s.storeError(w, err)
		return
	}
	if err := s.reloadOrg(r.Context()); err != nil {
		s.log.Warn("reloading the organisation's list", "error", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	to := time.Now().UTC()
	if v := q.Get("to"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "to is a date: YYYY-MM-DD")
			return
		}
		to = t
	}
	from := to.AddDate(0, 0, -29)
	if v := q.Get("from"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "from is a date: YYYY-MM-DD")
			return
		}
		from = t
	}
	if from.After(to) {
		writeProblem(w, http.StatusUnprocessableEntity, probInvalid, "from is after to")
		return
	}
	if err := s.tally.Flush(r.Context(), s.store); err != nil {
		s.log.Warn("writing counts", "error", err)
	}
	days, err := s.store.Stats(r.Context(), from.Format("2006-01-02"), to.Format("2006-01-02"))
	if err != nil {
		s.storeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"from": from.Format("2006-01-02"), "to": to.Format("2006-01-02"), "days": days})
}
