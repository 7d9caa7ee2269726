// Command sitrep reads news and writes down what happened in it: who did
// what to whom, when, where and according to whom.
//
// Each subcommand lives in its own file with its own flag set and help;
// main only dispatches and turns a returned error into the exit status.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
)

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand by name.
func commands() map[string]command {
	return map[string]command{
		"extract": {"analyse one article (or JSON Lines) and print the extract JSON", runExtract},
		"eval":    {"score sitrep's stages against the corpora in ../shared/data", runEval},
		"ingest":  {"analyse articles and store them in a SQLite database", runIngest},
		"events":  {"list stored events, filtered by actor, type, date, text", runEvents},
		"docs":    {"list stored articles", runDocs},
		"actors":  {"list the actors remembered across articles, or show one's role history", runActors},
	}
}

// errUsage marks an error caused by how the command was called (exit 2).
var errUsage = errors.New("usage")

// memoryLimit is the soft heap limit set unless GOMEMLIMIT says otherwise:
// near it the collector runs more often instead of letting the heap grow to
// twice what is live. The models' large tables are mapped outside the Go
// heap (about 150 MB more), so this keeps the largest article accepted by
// default (2 MiB) within the 500 MB budget: 422 MB peak, against 509 MB with
// a 400 MiB limit.
const memoryLimit = 300 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit status: 0 on
// success, 1 when the work failed, 2 when the command line was wrong.
func run(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "sitrep: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.stderr, "sitrep %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "sitrep %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: sitrep <command> [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep <command> -h' for a command's flags.")
}

// newFlagSet returns a flag set for subcommand name whose help prints help
// (the command's own text) followed by its flags.
func newFlagSet(e *env, name, help string) *flag.FlagSet {
	fs := flag.NewFlagSet("sitrep "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), help)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs, mapping a bad command line to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}
