package frontmatter

import "testing"

func TestInsertJSONKey(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"one line", "{\"title\": \"x\"}\nBody\n", "{\"title\": \"x\", \"lang\": \"fr\"}\nBody\n"},
		{"multi-line", "{\n  \"title\": \"x\",\n  \"n\": [1, 2]\n}\nBody\n", "{\n  \"title\": \"x\",\n  \"n\": [1, 2],\n  \"lang\": \"fr\"\n}\nBody\n"},
		{"CRLF and a BOM", "\uFEFF{\r\n\t\"title\": \"x\"\r\n}\r\n", "\uFEFF{\r\n\t\"title\": \"x\",\r\n\t\"lang\": \"fr\"\r\n}\r\n"},
		{"empty", "{}\n", "{\"lang\": \"fr\"}\n"},
		{"empty on lines", "{\n}\n", "{\"lang\": \"fr\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			b, err := Split(src)
			if err != nil {
				t.Fatal(err)
			}
			got := InsertJSONKey(src, b, "lang", "fr")
			if string(got) != tt.want {
				t.Fatalf("InsertJSONKey = %q, want %q", got, tt.want)
			}
			b, err = Split(got)
			if err != nil {
				t.Fatal(err)
			}
			segs, err := Fields(got, b, []string{"title", "lang"})
			if err != nil || len(segs) == 0 || segs[len(segs)-1].Field != "lang" || segs[len(segs)-1].Text != "fr" {
				t.Fatalf("Fields after insert = %+v, %v", segs, err)
			}
		})
	}
}
