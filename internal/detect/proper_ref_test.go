package detect

import "github.com/scrubshq/scrubs/internal/text"

// The proper-noun rules in the form they had before prMayFire: each looks at every token
// of the post. The tests use them as the reference the ranged rules must agree with.

// unknownCapitalised is unknownCapitalisedIn over every token.
func unknownCapitalised(doc *text.Doc, out []Candidate) []Candidate {
	return unknownCapitalisedIn(doc, out, prAll(doc))
}

// initialSurname is initialSurnameIn over every token.
func initialSurname(doc *text.Doc, out []Candidate) []Candidate {
	return initialSurnameIn(doc, out, prAll(doc))
}

// speakerName is speakerNameIn over every token.
func speakerName(doc *text.Doc, out []Candidate) []Candidate {
	return speakerNameIn(doc, out, prAll(doc))
}

// socialName is socialNameIn over every token.
func socialName(doc *text.Doc, out []Candidate) []Candidate {
	return socialNameIn(doc, out, prAll(doc))
}

// relativeUnknown is relativeUnknownIn over every token.
func relativeUnknown(doc *text.Doc, out []Candidate) []Candidate {
	return relativeUnknownIn(doc, out, prAll(doc))
}

// prAll returns the range of every token of doc.
func prAll(doc *text.Doc) prRange { return prRange{lo: 0, end: len(doc.Tokens)} }
