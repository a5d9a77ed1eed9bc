// Command junheng-cli is the headless command line of 均衡评估助手: it
// evaluates county files, writes the demo county, and (with the database
// and the dossier) manages data files and prints the PDF. It imports no GUI
// code and builds with CGO_ENABLED=0.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one sub-command. run returns the exit status: 0 done, 1 failed,
// 2 invalid input or usage.
type command struct {
	usage string // one line, Chinese
	run   func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a sub-command; each command lives in its own cmd_*.go file.
func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("junheng-cli: command registered twice: " + name)
	}
	commands[name] = c
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "未知命令「%s」。\n\n", args[0])
		printUsage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "均衡评估助手 命令行 —— 县域义务教育优质均衡发展督导评估")
	fmt.Fprintln(w, "\n用法：junheng-cli 命令 [参数]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %s\n", commands[n].usage)
	}
}
