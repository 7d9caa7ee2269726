package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/contract"
	"sitrep/doc"
	"sitrep/ingest"
)

const extractHelp = `usage: sitrep extract [flags] [FILE|-]

Analyse one article (plain text, or an HTML page whose article text is
extracted) and print it as one JSON object (the extract contract
of DESIGN.md): sentences, entities, times, quotes and events, each with byte
offsets into the article text. With no FILE, or FILE "-", the article is
read from standard input.

With --format jsonl the input is JSON Lines, one {"id","text","published",
"url","title"} record per line, and the output is one JSON object per input
line, in input order. A line that cannot be read still yields its object,
carrying the problem in "problems"; the batch goes on.

Exit status: 0 on success, 1 when the input cannot be analysed (empty,
binary, too large, unreadable), 2 for a bad command line.

Flags:`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", extractHelp)
	published := fs.String("published", "", "publication date of the article, YYYY-MM-DD (relative dates resolve against it)")
	url := fs.String("url", "", "URL of the article")
	title := fs.String("title", "", "title of the article")
	id := fs.String("id", "", "document id (default: derived from the URL or the text)")
	format := fs.String("format", "auto", "input format: auto (HTML or text, by content), text, html, or jsonl (one record per line)")
	layers := fs.String("layers", "", "extra layers to print, comma-separated: tokens")
	indent := fs.Bool("indent", false, "indent the JSON of a single article")
	chainCfg := addChainFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: at most one FILE", errUsage)
	}
	var opt contract.Options
	for _, l := range strings.Split(*layers, ",") {
		switch strings.TrimSpace(l) {
		case "":
		case "tokens":
			opt.Tokens = true
		default:
			return fmt.Errorf("%w: unknown layer %q (want tokens)", errUsage, l)
		}
	}
	if _, err := ingest.ParseDate(*published); err != nil {
		return fmt.Errorf("%w: --published: %v", errUsage, err)
	}

	in := e.stdin
	name := "standard input"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}

	chain, err := newChain(*chainCfg)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)

	meta := ingest.Meta{ID: *id, URL: *url, Title: *title, Published: *published}
	read := map[string]func(io.Reader, ingest.Meta, ingest.Options) (*doc.Document, error){
		"auto": ingest.Read, "text": ingest.ReadText, "html": ingest.ReadHTML,
	}
	switch *format {
	case "auto", "text", "html":
		d, err := read[*format](in, meta, chainCfg.input())
		if errors.Is(err, ingest.ErrTooLarge) {
			return fmt.Errorf("%s: %w (--max-bytes raises the limit)", name, err)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := chain.Process(ctx, d); err != nil {
			return err
		}
		if *indent {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(contract.FromDocument(d, opt))
	case "jsonl":
		lr := ingest.NewLineReader(in, chainCfg.input())
		return chain.Stream(ctx, lr.Next, func(d *doc.Document) error {
			return enc.Encode(contract.FromDocument(d, opt))
		})
	default:
		return fmt.Errorf("%w: unknown --format %q (want auto, text, html or jsonl)", errUsage, *format)
	}
}
