package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// How to save as .xlsx, in Excel and in WPS: every "not an .xlsx" message
// ends with it, so that the clerk knows the next step whatever they use.
const saveAsXLSX = "在 Excel 中点「文件 → 另存为」，保存类型选「Excel 工作簿 (*.xlsx)」；" +
	"在 WPS 中点「文件 → 另存为」，文件类型选「Microsoft Excel 文件 (*.xlsx)」。保存后导入新的 .xlsx 文件。"

// fileProblem recognises, by content rather than by the name's extension
// (a renamed file is common), what is not an .xlsx workbook, and says in
// one sentence what it is and how to turn it into one.
func fileProblem(data []byte, name string) *CellError {
	ext := strings.ToLower(filepath.Ext(name))
	say := func(format string, args ...any) *CellError {
		return &CellError{Message: fmt.Sprintf(format, args...)}
	}
	switch {
	case len(data) > maxFileSize:
		return say("「%s」超过 %d MB，不像是填报表，未导入。", name, maxFileSize>>20)
	case len(data) == 0:
		return say("「%s」是空文件（0 字节），可能没有保存完整。请重新保存填报表后再导入。", name)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return oleProblem(data, name, ext)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return zipProblem(data, name)
	}
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return say("「%s」是 PDF 文件，不是 Excel 填报表，无法从中读取数据。请选择填好的 .xlsx 填报表。", name)
	case bytes.Contains(bytes.ToLower(head), []byte("<html")) || bytes.Contains(bytes.ToLower(head), []byte("<table")):
		return say("「%s」是网页格式的表格（常见于从网站导出的“.xls”），不是 Excel 工作簿。请在 Excel 或 WPS 中打开它后另存为 .xlsx："+saveAsXLSX, name)
	case ext == ".csv" || looksLikeText(head) && bytes.ContainsAny(head, ",\t") && bytes.Contains(head, []byte("\n")):
		return say("「%s」是逗号分隔的文本文件（.csv），只有一张表，没有填报表的各个工作表，不能直接导入。"+
			"请把其中的数据复制到填报表（程序生成的 .xlsx 模板）中对应的工作表，再保存为 .xlsx："+saveAsXLSX, name)
	}
	if looksLikeText(head) {
		return say("「%s」是文本文件，不是 Excel 工作簿（.xlsx），无法读取。请选择填好的 .xlsx 填报表；如果数据在别的表格文件中，请先另存为 .xlsx："+saveAsXLSX, name)
	}
	return say("「%s」不是 Excel 工作簿（.xlsx），无法读取。如果它是用其他程序保存的表格，请先另存为 .xlsx："+saveAsXLSX, name)
}

// oleProblem tells the old binary formats apart: an encrypted .xlsx is an
// OLE container holding EncryptionInfo/EncryptedPackage streams; .xls and
// WPS .et hold a Workbook (or Book) stream.
func oleProblem(data []byte, name, ext string) *CellError {
	has := func(stream string) bool { return bytes.Contains(data, utf16le(stream)) }
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return &CellError{Message: fmt.Sprintf("「%s」设置了打开密码，程序无法读取。"+
			"请在 Excel 中打开它，点「文件 → 信息 → 保护工作簿 → 用密码进行加密」，删除密码后保存；"+
			"在 WPS 中点「文件 → 文档加密 → 密码加密」，清除打开密码后保存。然后再导入。", name)}
	case ext == ".et" || ext == ".ett":
		return &CellError{Message: fmt.Sprintf("「%s」是 WPS 表格格式（.et），本程序只读 .xlsx。"+
			"请在 WPS 中打开它，点「文件 → 另存为」，文件类型选「Microsoft Excel 文件 (*.xlsx)」；"+
			"在 Excel 中打开后点「文件 → 另存为」，保存类型选「Excel 工作簿 (*.xlsx)」。保存后导入新的 .xlsx 文件。", name)}
	}
	return &CellError{Message: fmt.Sprintf("「%s」是旧版 Excel 97-2003 格式（.xls），本程序只读 .xlsx。请打开它后另存为 .xlsx："+saveAsXLSX, name)}
}

// zipProblem recognises the zip files that are not an .xlsx workbook.
func zipProblem(data []byte, name string) *CellError {
	if bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument.spreadsheet")) {
		return &CellError{Message: fmt.Sprintf("「%s」是 OpenDocument 表格（.ods，LibreOffice 或 WPS 的格式），本程序只读 .xlsx。"+
			"请打开它后另存为 .xlsx（LibreOffice 中选「Excel 2007-365 (.xlsx)」）："+saveAsXLSX, name)}
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &CellError{Message: fmt.Sprintf("「%s」已损坏或没有保存完整（压缩包无法解开）。请在 Excel 或 WPS 中重新打开并保存后再导入；若打不开，请让填报人重新发送。", name)}
	}
	parts := map[string]bool{}
	for _, f := range z.File {
		parts[strings.ToLower(f.Name)] = true
	}
	switch {
	case parts["xl/workbook.xml"]:
		return nil
	case parts["xl/workbook.bin"]:
		return &CellError{Message: fmt.Sprintf("「%s」是 Excel 二进制工作簿（.xlsb），本程序只读 .xlsx。请打开它后另存为 .xlsx："+saveAsXLSX, name)}
	case parts["word/document.xml"]:
		return &CellError{Message: fmt.Sprintf("「%s」是 Word 文档，不是 Excel 填报表。请选择填好的 .xlsx 填报表。", name)}
	}
	return &CellError{Message: fmt.Sprintf("「%s」是压缩文件，不是 Excel 工作簿。如果填报表在其中，请先解压，再导入其中的 .xlsx 文件。", name)}
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// looksLikeText reports whether the start of a file is text (UTF-8 or a
// legacy encoding such as GBK): no NUL bytes and mostly printable.
func looksLikeText(head []byte) bool {
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	if utf8.Valid(head[:max(0, len(head)-4)]) {
		return true
	}
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' {
			ctrl++
		}
	}
	return ctrl*50 < len(head)
}
