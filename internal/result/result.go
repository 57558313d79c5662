// Package result defines what a check returns: entities, risks and the verdict.
// These types are the JSON contract shared by the CLI, the Go API and the HTTP API.
package result

// Type names the kind of an entity found in a post.
type Type string

// Entity types. A name whose role cannot be told is NameOther.
const (
	NamePatient  Type = "NAME_PATIENT"
	NameRelative Type = "NAME_RELATIVE"
	NameStaff    Type = "NAME_STAFF"
	NameOther    Type = "NAME_OTHER"
	Username     Type = "USERNAME"
	Age          Type = "AGE"
	Date         Type = "DATE"
	Time         Type = "TIME"
	Hospital     Type = "HOSPITAL"
	Ward         Type = "WARD"
	Room         Type = "ROOM"
	Street       Type = "STREET"
	City         Type = "CITY"
	Postcode     Type = "POSTCODE"
	ZIP          Type = "ZIP"
	Organization Type = "ORGANIZATION"
	Country      Type = "COUNTRY"
	Phone        Type = "PHONE"
	Email        Type = "EMAIL"
	URL          Type = "URL"
	IPAddress    Type = "IP_ADDRESS"
	NHSNumber    Type = "NHS_NUMBER"
	MRN          Type = "MRN"
	SSN          Type = "SSN"
	NINumber     Type = "NI_NUMBER"
	IDOther      Type = "ID_OTHER"
	Profession   Type = "PROFESSION"
	Vehicle      Type = "VEHICLE"
	Feature      Type = "FEATURE"
	// Image-borne types: a GPS position from photo metadata, the camera or
	// phone that took it, and a face seen in the picture.
	GPS    Type = "GPS"
	Device Type = "DEVICE"
	Face   Type = "FACE"
)

// AllTypes lists every entity type in a stable order (for reports and evaluation tables).
var AllTypes = []Type{
	NamePatient, NameRelative, NameStaff, NameOther, Username, Age, Date, Time,
	Hospital, Ward, Room, Street, City, Postcode, ZIP, Organization, Country,
	Phone, Email, URL, IPAddress, NHSNumber, MRN, SSN, NINumber, IDOther,
	Profession, Vehicle, Feature, GPS, Device, Face,
}

// typeBits numbers the types for TypeMask.
var typeBits = func() map[Type]uint64 {
	m := make(map[Type]uint64, len(AllTypes))
	for i, t := range AllTypes {
		m[t] = 1 << i
	}
	return m
}()

// TypeMask returns a bit set of the given types (bit i for AllTypes[i]), for
// cheap "is any of these types present" tests.
func TypeMask(types ...Type) uint64 {
	var m uint64
	for _, t := range types {
		m |= typeBits[t]
	}
	return m
}

// IsName reports whether t is one of the person-name types.
func (t Type) IsName() bool {
	return t == NamePatient || t == NameRelative || t == NameStaff || t == NameOther
}

// IsDirect reports whether an entity of type t identifies a person on its own
// (a name, a contact detail or an identifying number), as opposed to a
// quasi-identifier that identifies only in combination (age, date, place...).
func (t Type) IsDirect() bool {
	switch t {
	case NamePatient, NameRelative, NameOther, Phone, Email, NHSNumber, MRN, SSN,
		NINumber, IDOther, Vehicle, Street, Postcode:
		return true
	}
	return false
}

// Entity is one identifier or quasi-identifier found in a post.
// Start and End are byte offsets into the original text (End exclusive), and
// Text always equals original[Start:End].
type Entity struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Type       Type    `json:"type"`
	Confidence float64 `json:"confidence"`
	Reason     string  `json:"reason"`
	// Box is where in an image the entity was found (faces, OCR'd text);
	// nil for text.
	Box *Box `json:"box,omitempty"`
	// Source says where an image-borne entity came from: exif, xmp, face or
	// ocr; empty for text. For exif and xmp, Reason names the tag.
	Source string `json:"source,omitempty"`
}

// Box is a rectangle of pixels in an image, from its top-left corner.
type Box struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// Span is a byte range in the original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Citation points at the guidance a risk rests on.
type Citation struct {
	Document   string `json:"document"`
	Year       int    `json:"year,omitempty"`
	Paragraph  string `json:"paragraph,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
	URL        string `json:"url,omitempty"`
}

// Risk is a breach of guidance found in a post (filled by the judgement stage).
type Risk struct {
	Category string `json:"category"`
	Rule     string `json:"rule"`
	Title    string `json:"title"`
	// Severity is block, high, medium, low or info.
	Severity   string  `json:"severity"`
	Confidence float64 `json:"confidence"`
	Message    string  `json:"message"`
	Fix        string  `json:"fix"`
	// Citations are the guidance the risk rests on, the user's own code first.
	Citations []Citation `json:"citations"`
	// Spans are where in the post the risk lies (empty for a post-wide risk).
	Spans []Span `json:"spans"`
	// Fingerprint identifies the finding across edits of the post, for ignore files.
	Fingerprint string `json:"fingerprint"`
	// Replacement is neutral wording for the matched words, when the rule has one.
	Replacement string `json:"replacement,omitempty"`
}

// Anonymity is the estimate of how many people the details of a post describe.
type Anonymity struct {
	// K is the estimated number of people who fit every detail (at least 1 when
	// the details fit somebody); 0 when no figure could be found.
	K float64 `json:"k"`
	// Place is where the count was taken (a town, a region or a country).
	Place string `json:"place"`
	// Details are the quasi-identifiers that combine, each with its share.
	Details []Detail `json:"details"`
	// Explanation says it in words.
	Explanation string `json:"explanation"`
}

// Detail is one quasi-identifier of an anonymity estimate.
type Detail struct {
	// Kind is age, sex, place, time, occupation, condition, event, feature,
	// celebrity or relative.
	Kind  string `json:"kind"`
	Label string `json:"label"`
	// Share is the fraction of people the detail keeps (1 when it has no figure).
	Share float64 `json:"share"`
	// Span is where the detail is written, when it is one phrase.
	Span *Span `json:"span,omitempty"`
}

// Verdict is the overall decision on a post.
type Verdict string

// Verdicts, from harmless to forbidden.
const (
	Safe   Verdict = "safe"
	Review Verdict = "review"
	Block  Verdict = "block"
)

// Result is the outcome of checking one post.
type Result struct {
	Verdict    Verdict  `json:"verdict"`
	Categories []string `json:"categories"`
	Entities   []Entity `json:"entities"`
	Risks      []Risk   `json:"risks"`
	// Anonymity is set when the post is about a patient and gives details that combine.
	Anonymity *Anonymity `json:"anonymity,omitempty"`
	// Signals names the facts the rules found about the post ("patient":
	// it is about a patient; "condemn": it quotes a slur to condemn it…), so a
	// reader can see why a rule did or did not apply.
	Signals []string `json:"signals,omitempty"`
	// Ignored counts the findings left out because an ignore file or an
	// organisation allow-list said they are not a problem.
	Ignored int `json:"ignored,omitempty"`
}
