// Package advice holds the general social-media advice for healthcare staff
// and the privacy settings to review on each platform, as data with the
// guidance behind every point, and the strict YAML decoder the other data
// packages (incident, selfcheck) share.
package advice

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/result"
)

//go:embed settings.yaml
var settingsYAML []byte

//go:embed advice.yaml
var adviceYAML []byte

// Setting is one privacy setting to review.
type Setting struct {
	// Setting is the setting's name as the app shows it.
	Setting string `json:"setting"`
	// Where is the menu path to it.
	Where string `json:"where"`
	// Choose is what to choose.
	Choose string `json:"choose"`
	// Why is why it matters.
	Why string `json:"why"`
	// LabelUnverified is set when the label was not confirmed in a current
	// copy of the app's menus.
	LabelUnverified bool `json:"label_unverified,omitempty"`
	// Citations are the guidance behind the setting.
	Citations []result.Citation `json:"citations"`
}

// Platform is one platform's settings.
type Platform struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Menu  string    `json:"menu"`
	Items []Setting `json:"settings"`
}

// Settings is the whole settings file: what to do on every platform and
// each platform's own settings.
type Settings struct {
	Basics    []Setting  `json:"basics"`
	Platforms []Platform `json:"platforms"`
}

// Point is one piece of general advice.
type Point struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Text      string            `json:"text"`
	Citations []result.Citation `json:"citations"`
}

// The YAML forms.
type settingsFile struct {
	Citations Citations      `yaml:"citations"`
	Basics    []settingYAML  `yaml:"basics"`
	Platforms []platformYAML `yaml:"platforms"`
}

type platformYAML struct {
	ID    string        `yaml:"id"`
	Name  string        `yaml:"name"`
	Menu  string        `yaml:"menu"`
	Items []settingYAML `yaml:"items"`
}

type settingYAML struct {
	Setting       string   `yaml:"setting"`
	LabelVerified *bool    `yaml:"label_verified"`
	Where         string   `yaml:"where"`
	Choose        string   `yaml:"choose"`
	Why           string   `yaml:"why"`
	Cite          []string `yaml:"cite"`
}

type adviceFile struct {
	Citations Citations   `yaml:"citations"`
	Points    []pointYAML `yaml:"points"`
}

type pointYAML struct {
	ID    string   `yaml:"id"`
	Title string   `yaml:"title"`
	Text  string   `yaml:"text"`
	Cite  []string `yaml:"cite"`
}

// ParseSettings decodes and validates a settings file: unknown fields,
// missing text, duplicate platforms, items without a citation and unknown
// citation ids are refused with file:line.
func ParseSettings(file string, data []byte) (*Settings, error) {
	var f settingsFile
	root, err := Decode(file, data, &f)
	if err != nil {
		return nil, err
	}
	lines := Lines(root)
	if err := f.Citations.Check(file, lines); err != nil {
		return nil, err
	}
	s := &Settings{}
	for i, it := range f.Basics {
		st, err := it.compile(file, lines, fmt.Sprintf("basics#%d", i), f.Citations)
		if err != nil {
			return nil, err
		}
		s.Basics = append(s.Basics, st)
	}
	if len(f.Platforms) == 0 {
		return nil, Errorf(file, 0, "no platforms")
	}
	seen := map[string]bool{}
	for i, p := range f.Platforms {
		path := fmt.Sprintf("platforms#%d", i)
		line := lines[path]
		switch {
		case p.ID == "" || p.ID != strings.ToLower(p.ID) || strings.ContainsAny(p.ID, " \t"):
			return nil, Errorf(file, line, "platform needs an id in lower case without spaces, not %q", p.ID)
		case seen[p.ID]:
			return nil, Errorf(file, line, "platform %s appears twice", p.ID)
		case p.Name == "" || p.Menu == "":
			return nil, Errorf(file, line, "platform %s needs a name and a menu", p.ID)
		case len(p.Items) == 0:
			return nil, Errorf(file, line, "platform %s has no settings", p.ID)
		}
		seen[p.ID] = true
		out := Platform{ID: p.ID, Name: p.Name, Menu: p.Menu}
		for j, it := range p.Items {
			st, err := it.compile(file, lines, fmt.Sprintf("%s/items#%d", path, j), f.Citations)
			if err != nil {
				return nil, err
			}
			out.Items = append(out.Items, st)
		}
		s.Platforms = append(s.Platforms, out)
	}
	return s, nil
}

func (it settingYAML) compile(file string, lines map[string]int, path string, cs Citations) (Setting, error) {
	line := lines[path]
	if it.Setting == "" || it.Where == "" || it.Choose == "" || it.Why == "" {
		return Setting{}, Errorf(file, line, "a setting needs setting, where, choose and why")
	}
	cites, err := cs.Resolve(file, line, "setting "+fmt.Sprintf("%q", it.Setting), it.Cite)
	if err != nil {
		return Setting{}, err
	}
	return Setting{Setting: it.Setting, Where: it.Where, Choose: it.Choose, Why: it.Why,
		LabelUnverified: it.LabelVerified != nil && !*it.LabelVerified, Citations: cites}, nil
}

// ParseAdvice decodes and validates an advice file.
func ParseAdvice(file string, data []byte) ([]Point, error) {
	var f adviceFile
	root, err := Decode(file, data, &f)
	if err != nil {
		return nil, err
	}
	lines := Lines(root)
	if err := f.Citations.Check(file, lines); err != nil {
		return nil, err
	}
	if len(f.Points) == 0 {
		return nil, Errorf(file, 0, "no points")
	}
	seen := map[string]bool{}
	var out []Point
	for i, p := range f.Points {
		line := lines[fmt.Sprintf("points#%d", i)]
		switch {
		case p.ID == "":
			return nil, Errorf(file, line, "a point needs an id")
		case seen[p.ID]:
			return nil, Errorf(file, line, "point %s appears twice", p.ID)
		case p.Title == "" || p.Text == "":
			return nil, Errorf(file, line, "point %s needs a title and a text", p.ID)
		}
		seen[p.ID] = true
		cites, err := f.Citations.Resolve(file, line, "point "+p.ID, p.Cite)
		if err != nil {
			return nil, err
		}
		out = append(out, Point{ID: p.ID, Title: p.Title, Text: strings.TrimSpace(p.Text), Citations: cites})
	}
	return out, nil
}

var (
	loadOnce  sync.Once
	settings  *Settings
	points    []Point
	errLoaded error
)

func load() {
	settings, errLoaded = ParseSettings("internal/advice/settings.yaml", settingsYAML)
	if errLoaded != nil {
		return
	}
	points, errLoaded = ParseAdvice("internal/advice/advice.yaml", adviceYAML)
}

// EmbeddedSettings returns the built-in settings.
func EmbeddedSettings() (*Settings, error) {
	loadOnce.Do(load)
	return settings, errLoaded
}

// EmbeddedAdvice returns the built-in advice points.
func EmbeddedAdvice() ([]Point, error) {
	loadOnce.Do(load)
	return points, errLoaded
}

// IDs returns the platform ids in order.
func (s *Settings) IDs() []string {
	ids := make([]string, len(s.Platforms))
	for i, p := range s.Platforms {
		ids[i] = p.ID
	}
	return ids
}

// Platform returns the platform with the given id or name (case folded;
// "twitter" finds x). The error lists the platforms known.
func (s *Settings) Platform(name string) (*Platform, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "twitter" {
		n = "x"
	}
	for i := range s.Platforms {
		p := &s.Platforms[i]
		if p.ID == n || strings.ToLower(p.Name) == n {
			return p, nil
		}
	}
	ids := s.IDs()
	sort.Strings(ids)
	return nil, fmt.Errorf("unknown platform %q%s; platforms: %s", name, DidYouMean(n, ids), strings.Join(ids, ", "))
}
