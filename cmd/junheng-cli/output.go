package main

import (
	"flag"
	"io"

	"junheng/data"
	"junheng/data/safefile"
)

// forceFlag adds --force, the one consent to replace an existing output
// file (never the input, a data file or its journal: data.CheckOutput).
func forceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, "输出文件已存在时替换它（输入文件、数据文件及其日志文件始终不会被替换）")
}

// writeOutput writes a file at a name the clerk gave: the guard first
// (data.CheckOutput), then the one atomic writer.
func writeOutput(path string, force bool, inputs []string, write func(w io.Writer) error) error {
	if err := data.CheckOutput(path, data.OutputOptions{Force: force, Inputs: inputs}); err != nil {
		return err
	}
	return safefile.Write(path, write)
}
