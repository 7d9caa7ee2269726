// Command build writes internal/wordnet/lexicon.bin from the WordNet 3.0
// database files: index.{noun,verb,adj,adv} (lemmas and their tagged-sense
// counts) and {noun,verb,adj,adv}.exc (morphy's exception lists). On Debian
// they come with `apt-get install wordnet-base`, in /usr/share/wordnet.
// Collocations (lemmas and exceptions with "_") are left out. The output
// depends only on the input files.
//
// Usage, from the repository root:
//
//	go run ./internal/wordnet/build [-dir /usr/share/wordnet] [-out internal/wordnet/lexicon.bin]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sitrep/internal/wordnet"
)

var parts = []struct {
	name string
	pos  wordnet.Mask
}{{"noun", wordnet.Noun}, {"verb", wordnet.Verb}, {"adj", wordnet.Adj}, {"adv", wordnet.Adv}}

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "folder of the WordNet 3.0 database files")
	out := flag.String("out", "internal/wordnet/lexicon.bin", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet build:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.noun")); err != nil {
		return fmt.Errorf("no WordNet 3.0 database in %s (on Debian: apt-get install wordnet-base; or pass -dir): %w", dir, err)
	}
	var entries []wordnet.Entry
	defined := make(map[string]wordnet.Mask)
	for _, pt := range parts {
		n := 0
		err := eachLine(filepath.Join(dir, "index."+pt.name), func(line string) error {
			if strings.HasPrefix(line, " ") {
				return nil // licence header
			}
			f := strings.Fields(line)
			if len(f) < 6 {
				return fmt.Errorf("short index line %q", line)
			}
			lemma := f[0]
			if strings.Contains(lemma, "_") {
				return nil
			}
			pcnt, err := strconv.Atoi(f[3])
			if err != nil || 4+pcnt+1 >= len(f) {
				return fmt.Errorf("bad pointer count in %q", line)
			}
			tagged, err := strconv.Atoi(f[4+pcnt+1])
			if err != nil {
				return fmt.Errorf("bad tagsense_cnt in %q", line)
			}
			entries = append(entries, wordnet.Entry{Lemma: lemma, POS: pt.pos, TaggedSenses: tagged})
			defined[lemma] |= pt.pos
			n++
			return nil
		})
		if err != nil {
			return err
		}
		fmt.Printf("index.%s: %d single-word lemmas\n", pt.name, n)
	}
	var excs []wordnet.Exception
	for _, pt := range parts {
		kept, undefined := 0, 0
		err := eachLine(filepath.Join(dir, pt.name+".exc"), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("short exception line %q", line)
			}
			if strings.Contains(f[0], "_") {
				return nil
			}
			for _, base := range f[1:] {
				if strings.Contains(base, "_") {
					continue
				}
				excs = append(excs, wordnet.Exception{Form: f[0], Base: base, POS: pt.pos})
				if defined[base]&pt.pos == 0 {
					undefined++
				} else {
					kept++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		fmt.Printf("%s.exc: %d exceptions, and %d whose base is not a single-word %s lemma (kept for Lemma)\n", pt.name, kept, undefined, pt.name)
	}
	data, err := wordnet.Encode(entries, excs)
	if err != nil {
		return err
	}
	if _, err := wordnet.Parse(data); err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d distinct lemmas, %d bytes\n", out, len(defined), len(data))
	return nil
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		if err := fn(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, ln, err)
		}
	}
	return sc.Err()
}
