package county

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The one parser for what a clerk types, in a form, a grid cell, a workbook
// cell or a setting. It reads plain numbers the way people write them in
// China (full-width digits from a Chinese input method, thousands
// separators, stray spaces) and refuses, with a sentence saying what to
// type instead, everything that only looks like a number: units, dates,
// percentages, negative quantities, lists.

// isSpace reports the blanks people leave around a value: ASCII spaces,
// no-break spaces, the ideographic space U+3000 and zero-width marks.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200b || r == 0xfeff // zero-width space, byte order mark
}

// trimSpace removes surrounding blanks (incl. U+3000).
func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

// foldWidth maps full-width ASCII forms (！ to ～, e.g. ０-９, Ａ-Ｚ, ．, －,
// ，) to ASCII and U+3000 to a space; everything else is kept.
func foldWidth(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == 0x3000: // ideographic space
			return ' '
		}
		return r
	}, s)
}

var (
	plainNumber = regexp.MustCompile(`^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
	// thousands is an integer part written with separators: 12,345,678.
	thousands  = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
	datePunct  = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$|^\d{4}[-/]\d{1,2}$`)
	hasDigit   = regexp.MustCompile(`\d`)
	unitSuffix = regexp.MustCompile(`^[+-]?[\d,.]+\s*(\D+)$`)
)

// ParseNumber reads a number as a clerk types it. It returns the value, or
// a Chinese reason (and 0) when the text is not one plain number: the
// reason says what to type instead. Quantities are never negative, so a
// minus sign is refused too.
func ParseNumber(text string) (float64, string) {
	s := trimSpace(foldWidth(text))
	if s == "" {
		return 0, "没有填写数字"
	}
	if strings.ContainsAny(s, "年月日") && hasDigit.MatchString(s) {
		return 0, "「" + s + "」是日期，不是数字：请只填写数字（如 45）"
	}
	if datePunct.MatchString(s) && strings.Count(s, ".") != 1 {
		return 0, "「" + s + "」像是日期，不是数字：请只填写数字（如 45）；若这是日期，请检查是否填错了列"
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		return 0, "不能为负数：请填写 0 或正数"
	}
	if strings.HasSuffix(s, "%") || strings.HasSuffix(s, "％") {
		return 0, "不要填写百分号：请写成小数（如 12% 写作 0.12）"
	}
	if strings.Contains(s, "。") {
		return 0, "「。」是句号：小数点请用「.」（如 4.5）"
	}
	body := strings.ReplaceAll(s, "，", ",")
	if m := unitSuffix.FindStringSubmatch(body); m != nil && !strings.ContainsAny(m[1], "eE") && strings.Trim(m[1], ".,+- ") != "" {
		return 0, "不要填写单位「" + trimSpace(m[1]) + "」：只填数字，单位已在栏目名称中（如 45）"
	}
	if strings.ContainsFunc(body, isSpace) {
		return 0, "数字中间不要有空格：请只填写一个数（如 1200）；多个数请分别填写"
	}
	if strings.Contains(body, ",") {
		intPart, frac, hasFrac := strings.Cut(body, ".")
		if !thousands.MatchString(intPart) || strings.Contains(frac, ",") {
			return 0, "「" + s + "」不是一个数：千位分隔符应每三位一个（如 12,345）；多个数请用顿号「、」分隔或分别填写"
		}
		body = strings.ReplaceAll(intPart, ",", "")
		if hasFrac {
			body += "." + frac
		}
	}
	if !plainNumber.MatchString(body) {
		return 0, "「" + s + "」不是数字：请只填写数字（如 45 或 4.5），不要带文字或单位"
	}
	x, err := strconv.ParseFloat(body, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, "「" + s + "」太大，不是实际可能的数值"
	}
	return x, ""
}

// CheckNumber returns "" when x is a valid value of the field, or a
// Chinese message naming the bound it breaks.
func (s FieldSpec) CheckNumber(x float64) string {
	if math.IsNaN(x) {
		return "不是有效的数值"
	}
	if x < 0 && s.Min >= 0 {
		return "不能为负数"
	}
	if s.Kind == KindInt && x != math.Trunc(x) {
		return "应为整数"
	}
	if x < s.Min {
		return fmt.Sprintf("不能小于 %s%s", boundText(s.Min), s.Unit)
	}
	if x > s.Max {
		return fmt.Sprintf("不能大于 %s%s（请核对是否多输了位数或填错了单位）", boundText(s.Max), s.Unit)
	}
	return ""
}

// ParseText reads what a clerk typed into this field. An empty text (only
// blanks) is "not provided": empty is true and value nil, so the caller
// leaves the saved value as it is. Otherwise value is an int (KindInt), a
// float64 (KindFloat), a bool (KindBool), a []float64 (KindList; 「无」 is
// the empty list), or a string (the other kinds: an id folded by CleanID, a
// date as 2006-01-02) — or reason says, in Chinese, why it was refused.
func (s FieldSpec) ParseText(text string) (value any, empty bool, reason string) {
	t := trimSpace(text)
	if t == "" {
		return nil, true, ""
	}
	switch s.Kind {
	case KindInt, KindFloat:
		x, why := ParseNumber(t)
		if why == "" {
			why = s.CheckNumber(x)
		}
		if why != "" {
			return nil, false, why
		}
		if s.Kind == KindInt {
			return int(x), false, ""
		}
		return x, false, ""
	case KindBool:
		switch t {
		case "是":
			return true, false, ""
		case "否":
			return false, false, ""
		}
		return nil, false, "请填写「是」或「否」"
	case KindEnum:
		for _, o := range s.Options {
			if t == o {
				return o, false, ""
			}
		}
		return nil, false, "应为以下之一：" + strings.Join(s.Options, "、")
	case KindList:
		return s.parseList(t)
	case KindID:
		id := CleanID(t)
		if why := CheckID(id, s.MaxLen); why != "" {
			return nil, false, why
		}
		return id, false, ""
	case KindName:
		if why := CheckName(t); why != "" {
			return nil, false, why
		}
		return t, false, ""
	case KindDate:
		d, why := ParseDate(t)
		if why != "" {
			return nil, false, why
		}
		return d, false, ""
	}
	if why := CheckText(text, s.MaxLen); why != "" {
		return nil, false, why
	}
	return text, false, ""
}

// parseList reads room areas separated by 、 (or ；), 「无」 meaning none.
func (s FieldSpec) parseList(t string) (any, bool, string) {
	if t == "无" {
		return []float64{}, false, ""
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '、' || r == ';' || r == '；' || isSpace(r) })
	if len(parts) > s.MaxLen {
		return nil, false, fmt.Sprintf("最多填写 %d 个数", s.MaxLen)
	}
	out := make([]float64, 0, len(parts))
	for _, p := range parts {
		x, why := ParseNumber(p)
		if why == "" {
			why = s.CheckNumber(x)
		}
		if why != "" {
			return nil, false, "「" + p + "」：" + why + "（每间教室一个数，用顿号「、」分隔，没有填「无」）"
		}
		out = append(out, x)
	}
	return out, false, ""
}

var dateForms = regexp.MustCompile(`^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$`)

// ParseDate reads a calendar date typed as 2025-03-08, 2025/3/8, 2025.3.8
// or 2025年3月8日 and returns it as 2025-03-08.
func ParseDate(text string) (string, string) {
	t := trimSpace(foldWidth(text))
	m := dateForms.FindStringSubmatch(t)
	if m == nil {
		return "", "「" + t + "」不是日期：请写作「2025-03-08」的形式"
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	date := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if date.Year() != y || int(date.Month()) != mo || date.Day() != d {
		return "", "「" + t + "」不是实际存在的日期"
	}
	if y < MinYear || y > MaxYear {
		return "", fmt.Sprintf("年份应在 %d 到 %d 之间", MinYear, MaxYear)
	}
	return date.Format("2006-01-02"), ""
}

// CleanID folds an identifier as clerks and spreadsheets write it: blanks
// around it (incl. U+3000) removed, full-width digits and letters folded to
// ASCII, and one leading apostrophe removed (LibreOffice and Excel keep it
// on a number typed as text). Nothing inside the id is changed otherwise.
func CleanID(s string) string {
	s = trimSpace(foldWidth(s))
	if r, size := utf8.DecodeRuneInString(s); r == '\'' || r == '’' || r == '‘' {
		s = trimSpace(s[size:])
	}
	return s
}

// CheckID returns "" for a valid identifier (already CleanID-folded), or a
// Chinese reason. An empty id is left to the caller (required or not).
func CheckID(id string, maxLen int) string {
	if maxLen <= 0 {
		maxLen = IDMaxLen
	}
	if c := CleanID(id); c != id {
		return "标识码应写作「" + c + "」（去掉首尾空格、全角字符和开头的撇号）"
	}
	if why := badRunes(id, false); why != "" {
		return why
	}
	if strings.ContainsFunc(id, isSpace) {
		return "标识码中间不能有空格"
	}
	if n := utf8.RuneCountInString(id); n > maxLen {
		return fmt.Sprintf("标识码过长（%d 个字符，最多 %d 个）", n, maxLen)
	}
	return ""
}

// CheckName returns "" for a valid name (of a school, the county, an
// office), or a Chinese reason: no control characters (C0, DEL, C1, NUL),
// no bidirectional controls (they reorder what is printed), no bytes that
// are not UTF-8, at most NameMaxLen characters.
func CheckName(s string) string {
	if why := badRunes(s, false); why != "" {
		return why
	}
	if n := utf8.RuneCountInString(s); n > NameMaxLen {
		return fmt.Sprintf("名称过长（%d 个字，最多 %d 个字）", n, NameMaxLen)
	}
	return ""
}

// CheckText returns "" for a valid free text (evidence, narrative): line
// breaks and tabs are allowed, other control characters and bidirectional
// controls are not; at most maxLen characters.
func CheckText(s string, maxLen int) string {
	if why := badRunes(s, true); why != "" {
		return why
	}
	if maxLen <= 0 {
		maxLen = TextMaxLen
	}
	if len(s) > maxLen { // bytes ≥ characters: count only when it may matter
		if n := utf8.RuneCountInString(s); n > maxLen {
			return fmt.Sprintf("文字过长（%d 个字，最多 %d 个字）", n, maxLen)
		}
	}
	return ""
}

// badRunes finds the first character no text of the county file may hold.
func badRunes(s string, lines bool) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return "含有不是 UTF-8 编码的字节：请重新输入这段文字"
			}
			return "含有无法识别的字符（U+FFFD，原文件可能不是 UTF-8 编码）：请重新输入这段文字"
		case lines && (r == '\n' || r == '\r' || r == '\t'):
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return fmt.Sprintf("含有控制字符（U+%04X，看不见但会打乱显示和打印）：请删除后重新输入", r)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return fmt.Sprintf("含有文字方向控制字符（U+%04X，会让打印出的文字顺序颠倒）：请删除后重新输入", r)
		}
	}
	return ""
}
