package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/scrubshq/scrubs/internal/document"
	"github.com/scrubshq/scrubs/internal/policy"
)

func init() {
	register(command{"policy", "audit a social-media/IT/email policy against the professional codes: scrubs policy audit FILE", runPolicy})
}

const policyUsage = `usage: scrubs policy audit FILE [--format text|json|html] [--pack P,…] [--locale uk|us|au]

Reads a policy (PDF, DOCX, ODT, HTML, Markdown or text) and reports, for each
point of the checklist, whether it is covered, partly covered or missing, with
the sentences that cover it, suggested wording and the guidance behind it.
--pack or --locale choose whose guidance is cited (uk-gmc, uk-nmc, us-hipaa…).
Exit status: 0 every point covered, 1 something partly covered or missing,
2 usage or input error.`

func runPolicy(ctx context.Context, e *env, args []string) (int, error) {
	fs := flag.NewFlagSet("policy", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, json or html")
	packs := fs.String("pack", "", "regulator packs whose guidance is cited, comma-separated (uk-gmc, uk-nmc, uk-hcpc, uk-bma, uk-law, us-hipaa, us-ncsbn, us-ama, au-ahpra)")
	locale := fs.String("locale", "", "cite the packs of a locale: uk, us or au")
	fs.Usage = func() {}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(e.stderr, policyUsage)
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		}
		return exitUsage, err
	}
	if len(pos) == 0 || pos[0] != "audit" {
		return exitUsage, usagef("%s", policyUsage)
	}
	if len(pos) != 2 {
		return exitUsage, usagef("scrubs policy audit takes one FILE (got %d)", len(pos)-1)
	}
	switch *format {
	case "text", "json", "html":
	default:
		return exitUsage, usagef("unknown --format %q (want text, json or html)", *format)
	}
	cl, err := policy.Embedded()
	if err != nil {
		return exitUsage, err
	}
	chosen, err := cl.SelectPacks(*packs, *locale)
	if err != nil {
		return exitUsage, usagef("%v", err)
	}
	path := pos[1]
	doc, err := document.ReadFile(ctx, path, document.Limits{})
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return exitUsage, usagef("%s: no such file", path)
		}
		return exitUsage, usagef("%s: %v", path, err)
	}
	if len(doc.Paragraphs) == 0 {
		return exitUsage, usagef("%s: no text found in the document", path)
	}
	r := policy.Audit(doc, cl, policy.Options{Packs: chosen})
	switch *format {
	case "json":
		err = policy.WriteJSON(e.stdout, r)
	case "html":
		err = policy.WriteHTML(e.stdout, r)
	default:
		err = policy.WriteText(e.stdout, r)
	}
	if err != nil {
		return exitUsage, err
	}
	if r.Summary.Partly+r.Summary.Missing > 0 {
		return exitFound, nil
	}
	return exitClean, nil
}
