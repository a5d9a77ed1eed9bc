package county

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Malformed JSON, worded for the clerk: where (line and column) and what
// is wrong, in Chinese. encoding/json's English ("unexpected end of JSON
// input", "invalid character 'x' after object key", "exceeded max
// depth") never reaches the user.

// position returns the 1-based line and column (in characters) of byte
// offset off of data.
func position(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col = 1 + utf8.RuneCount(before[lineStart:])
	return line, col
}

// at words a problem at a byte offset.
func at(data []byte, off int, msg string) string {
	line, col := position(data, off)
	return fmt.Sprintf("第 %d 行第 %d 列：%s", line, col, msg)
}

// charAt shows the character at off the way a clerk can find it.
func charAt(data []byte, off int) string {
	if off < 0 || off >= len(data) {
		return "文件结尾"
	}
	r, size := utf8.DecodeRune(data[off:])
	switch {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("字节 0x%02X", data[off])
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("控制字符 U+%04X", r)
	}
	return "「" + string(r) + "」"
}

// syntaxReasons words each context of encoding/json's syntax errors.
var syntaxReasons = []struct{ context, reason string }{
	{"looking for beginning of object key string", "这里应是用双引号括起的字段名，却是%s（是否多了一个逗号，或字段名没有加双引号？）"},
	{"looking for beginning of value", "这里应是一个值（数字、用双引号括起的文本、true、false、null、对象或数组），却是%s"},
	{"after object key:value pair", "这里应是逗号「,」或右花括号「}」，却是%s（是否漏了逗号？）"},
	{"after object key", "字段名后应是冒号「:」，却是%s"},
	{"after array element", "这里应是逗号「,」或右方括号「]」，却是%s（是否漏了逗号？）"},
	{"after top-level value", "文件的内容已经结束，后面却还有%s：请删除多余的内容"},
	{"in string literal", "文本中不能直接含有%s（如换行、制表符）：换行请写作 \\n"},
	{"in string escape code", "反斜杠「\\」后的写法不对（%s）：文本中的反斜杠请写作 \\\\"},
	{"in \\u hexadecimal character escape", "「\\u」后应是 4 位十六进制数字，却是%s"},
	{"after decimal point in numeric literal", "小数点后应是数字，却是%s（数字写作 45 或 4.5）"},
	{"in exponent of numeric literal", "数字的写法不对（%s）：数字写作 45 或 4.5"},
	{"in numeric literal", "数字的写法不对（%s）：数字写作 45 或 4.5"},
	{"in literal true", "这里应是 true、false 或 null，拼写不对（%s）"},
	{"in literal false", "这里应是 true、false 或 null，拼写不对（%s）"},
	{"in literal null", "这里应是 true、false 或 null，拼写不对（%s）"},
	{"exceeded max depth", "对象或数组嵌套的层数过多（%s处）：这不是县域数据文件的结构"},
}

const truncatedReason = "文件在这里意外结束：内容不完整（可能缺少右括号「}」「]」或引号），请检查文件是否完整、是否只复制了一部分"

// jsonErrorText words an error of encoding/json reading data, with line
// and column. It never returns English.
func jsonErrorText(err error, data []byte) string {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		msg := se.Error()
		if strings.Contains(msg, "unexpected end of JSON input") {
			return at(data, len(data), truncatedReason)
		}
		off := int(se.Offset) - 1 // the offset counts the offending byte
		for _, r := range syntaxReasons {
			if strings.Contains(msg, r.context) {
				return at(data, off, fmt.Sprintf(r.reason, charAt(data, off)))
			}
		}
		return at(data, off, "这里不应出现"+charAt(data, off))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return at(data, len(data), truncatedReason)
	case errors.Is(err, io.EOF):
		return "文件是空的：没有任何内容"
	}
	return "文件不是有效的 JSON"
}

// fileProblem is a problem of the file as a whole.
func fileProblem(msg string) Problems {
	return Problems{{Field: fileField, Message: msg}}
}
