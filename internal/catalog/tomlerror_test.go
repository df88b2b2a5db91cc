package catalog

import "testing"

// TestParseErrorsTOML checks the plain words of TOML syntax errors, still
// after file:line:col.
func TestParseErrorsTOML(t *testing.T) {
	const h = "['a.p-1']\n"
	tests := []struct {
		name, data, want string
	}{
		{"apostrophe", h + "other = 'L'effet « 45 % »'\n",
			`2:12: the text of "other" ends at the ' before "effet": text between single quotes cannot contain an apostrophe; put it between double quotes ("L'effet ...") or type ’ instead`},
		{"apostrophe at the end", h + "other = 'aujourd'hui'",
			`2:18: the text of "other" ends at the ' before "hui": text between single quotes cannot contain an apostrophe; put it between double quotes ("aujourd'hui") or type ’ instead`},
		{"apostrophe after a blank", h + "  other = 'les patients' notes'  # x\n",
			`2:26: the text of "other" ends at the ' before "notes": text between single quotes cannot contain an apostrophe; put it between double quotes ("les patients' notes") or type ’ instead`},
		{"apostrophe and quotes", h + "other = 'Il dit \"C'est\"'\n",
			`2:20: the text of "other" ends at the ' before "est": text between single quotes cannot contain an apostrophe; put it between double quotes ("Il dit \"C'est\"") or type ’ instead`},
		{"apostrophe in a string message", "'a.p-1' = 'C'est'\n",
			`1:14: the text of "a.p-1" ends at the ' before "est": text between single quotes cannot contain an apostrophe; put it between double quotes ("C'est") or type ’ instead`},
		{"apostrophe, CRLF", "['a.p-0']\r\nother = 'x'\r\n\r\n" + "['a.p-1']\r\nother = 'L'effet'\r\n",
			`5:12: the text of "other" ends at the ' before "effet": text between single quotes cannot contain an apostrophe; put it between double quotes ("L'effet") or type ’ instead`},
		{"quotation mark", h + "other = \"Il dit \"bonjour\" ici\"\n",
			`2:18: the text of "other" ends at the " before "bonjour": write \" for a quotation mark inside the text, or use typographic quotes (« » „ “)`},
		{"quotation mark typed into empty", h + "description = \"\"Hallo\" sagt er\"\n",
			`2:17: the text of "description" ends at the " before "Hallo": write \" for a quotation mark inside the text, or use typographic quotes (« » „ “)`},
		{"quotation mark after an escape", h + "other = \"a \\\" b\" c\"\n",
			`2:18: the text of "other" ends at the " before "c": write \" for a quotation mark inside the text, or use typographic quotes (« » „ “)`},
		{"literal not closed", h + "other = 'Bonjour\n",
			`2:17: the closing ' of "other" is missing: end the text with ' on the same line`},
		{"literal not closed at the end", h + "other = 'Bonjour",
			`2:16: the closing ' of "other" is missing: end the text with ' on the same line`},
		{"basic not closed", h + "other = \"Bonjour\n\"\n",
			`2:17: the closing " of "other" is missing: end the text with " on the same line (a line break inside the text is written \n)`},
		{"basic not closed at the end", h + "other = \"Bonjour",
			`2:16: the closing " of "other" is missing: end the text with " on the same line (a line break inside the text is written \n)`},
		{"escaped closing quote", h + "other = \"C:\\\"\n",
			`2:14: the closing " of "other" is missing: the \" at the end is a quotation mark in the text, not its end; a backslash is written \\`},
		{"escaped backslash before closing quote is fine, a later newline is not", h + "other = \"C:\\\\\" \ndescription = \"x\n",
			`3:17: the closing " of "description" is missing: end the text with " on the same line (a line break inside the text is written \n)`},
		{"multi-line literal not closed", h + "other = '''\nun\ndeux\n",
			`4:5: the closing ''' of a text on several lines is missing: end the text with '''`},
		{"multi-line basic not closed", h + "other = \"\"\"\nun\n",
			`3:3: the closing """ of a text on several lines is missing: end the text with """`},
		{"backslash", h + "other = \"C:\\path\"\n",
			`2:12: toml: invalid escape character U+0070 'p': between double quotes a backslash starts an escape such as \" or \n; a backslash itself is written \\`},
		{"no quotes", h + "other = Bonjour tout le monde  \n",
			`2:9: the text of "other" must be between double quotes: other = "Bonjour tout le monde"`},
		{"typographic quotes as delimiters", h + "other = „Hallo“\n",
			`2:9: the text of "other" must be between double quotes: other = "„Hallo“"`},
		{"no text", h + "other =\n",
			`2:8: "other" has no text: write other = "" to leave it untranslated, or put the text between double quotes`},
		{"no text at the end", h + "other = ",
			`2:8: "other" has no text: write other = "" to leave it untranslated, or put the text between double quotes`},
		{"control character", h + "other = 'a\x01b'\n",
			`2:11: toml: literal strings cannot have control characters: the text holds an invisible control character; delete it`},
		{"stray line", h + "other = \"\"\nL'effet\n",
			`3:2: toml: expected '=' after key: the line is not valid TOML; a catalog line is an entry's ['ID'], a field such as other = "text", or a # comment`},
		{"header not closed", "['a.p-1'\nother = \"\"\n",
			`1:9: toml: expected ']' to close table name: the line is not valid TOML; a catalog line is an entry's ['ID'], a field such as other = "text", or a # comment`},
		{"junk after a text", h + "other = \"x\" y\n",
			`2:13: the text of "other" ends at the " before "y": write \" for a quotation mark inside the text, or use typographic quotes (« » „ “)`},
		{"junk after a header", h[:len(h)-1] + " x\n",
			`1:11: toml: expected newline but got U+0078 'x': the line is not valid TOML; a catalog line is an entry's ['ID'], a field such as other = "text", or a # comment`},
		{"field twice", h + "other = 'x'\nother = 'y'\n",
			`3:1: toml: key other is already defined: a field appears twice in one entry; keep one of the two lines`},
		{"entry twice", h + "other = 'x'\n" + h + "other = 'y'\n",
			`3:2: toml: table a.p-1 already exists: an entry's ['ID'] line appears twice in the file; keep one of them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("locales/fr/a.fr.toml", []byte(tt.data))
			if err == nil {
				t.Fatalf("Parse succeeded, want %s", tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error is a %T, want *Error", err)
			}
			if want := "locales/fr/a.fr.toml:" + tt.want; err.Error() != want {
				t.Errorf("error:\n got %s\nwant %s", err, want)
			}
		})
	}
}
