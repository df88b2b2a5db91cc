package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"net/url"

	"github.com/lingo-l10n/lingo/internal/check"
)

// SARIF constants: the schema URI GitHub code scanning expects, the
// version, and the base ID of a path relative to the checked-out repository.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names lingo's partial fingerprint; the /v1 is bumped
	// if what it hashes changes.
	fingerprintKey = "lingoFinding/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          sarifProperties   `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// sarifProperties is the result's property bag: the language and the
// message ID ("" for a file-level finding) of the finding.
type sarifProperties struct {
	Lang      string `json:"lang"`
	MessageID string `json:"messageId"`
}

// writeSARIF prints the report as a SARIF 2.1.0 log with one run: a rule
// per check ID, sorted by ID, and a result per finding in report order.
func writeSARIF(w *bufio.Writer, s Stream) error {
	index := make(map[string]int, len(s.Checks))
	rules := make([]sarifRule, len(s.Checks))
	for i, id := range s.Checks {
		index[id] = i
		desc := check.Descriptions[id]
		if desc == "" {
			desc = "lingo check " + id
		}
		rules[i] = sarifRule{ID: id, ShortDescription: sarifMessage{Text: desc}}
	}
	results := func(yield func(sarifResult, error) bool) {
		for f, err := range s.Findings {
			if err != nil {
				yield(sarifResult{}, err)
				return
			}
			if !yield(sarifResultOf(f, index), nil) {
				return
			}
		}
	}
	return encodeStreaming(w, sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "lingo",
				InformationURI: "https://github.com/lingo-l10n/lingo",
				Rules:          rules,
			}},
			Results: []sarifResult{},
		}},
	}, "results", results)
}

// sarifResultOf is the SARIF result of f; index gives each check ID's rule.
func sarifResultOf(f check.Finding, index map[string]int) sarifResult {
	res := sarifResult{
		RuleID:              f.Check,
		RuleIndex:           index[f.Check],
		Level:               sarifLevel(f.Severity),
		Message:             sarifMessage{Text: label(f)},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f)},
		Properties:          sarifProperties{Lang: f.Lang, MessageID: f.ID},
	}
	if f.File != "" {
		loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: sarifArtifactLocation{URI: fileURI(f.File), URIBaseID: srcRoot},
		}}
		if f.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Col}
		}
		res.Locations = []sarifLocation{loc}
	}
	return res
}

// fileURI turns a relative slash-separated path into a relative URI
// reference: spaces and other reserved characters are percent-encoded, and
// a colon in the first segment gets a "./" prefix so it is not a scheme.
func fileURI(path string) string {
	return (&url.URL{Path: path}).String()
}

// fingerprint identifies a finding across runs without its line number, so
// that code scanning keeps tracking an alert when lines above it move: a
// hash of the check, language, file, message ID and message.
func fingerprint(f check.Finding) string {
	h := sha256.New()
	for _, s := range []string{f.Check, f.Lang, f.File, f.ID, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// sarifLevel is a severity's SARIF level: a waived finding is a note.
func sarifLevel(s check.Severity) string {
	if s == check.Waived {
		return "note"
	}
	return level(s)
}
