package dossier

import (
	"fmt"
	"strings"
	"time"
)

// Section is one part of the dossier that can be printed on its own.
type Section string

// The sections, in the order they are printed.
const (
	Cover     Section = "cover"    // 封面
	Contents  Section = "contents" // 目录
	Profile   Section = "profile"  // 申报表
	Resource  Section = "resource" // 资源配置 tables and coefficients
	Charts    Section = "charts"   // 资源配置 bar charts
	Gov       Section = "gov"      // 政府保障程度
	Quality   Section = "quality"  // 教育质量
	Survey    Section = "survey"   // 社会认可度
	Veto      Section = "veto"     // 一票否决
	Finance   Section = "finance"  // 表Ⅴ 义务教育经费情况
	Todo      Section = "todo"     // 评估结论与整改清单
	SchoolSet Section = "schools"  // 一校一表
)

// AllSections lists every section in print order.
var AllSections = []Section{Cover, Contents, Profile, Resource, Charts, Gov, Quality, Survey, Veto, Finance, Todo, SchoolSet}

// SectionNames names each section in Chinese.
var SectionNames = map[Section]string{
	Cover: "封面", Contents: "目录", Profile: "申报表", Resource: "资源配置", Charts: "资源配置图表",
	Gov: "政府保障程度", Quality: "教育质量", Survey: "社会认可度", Veto: "一票否决",
	Finance: "义务教育经费情况", Todo: "整改清单", SchoolSet: "一校一表",
}

// DefaultSections is everything except the one-page-per-school sheets.
var DefaultSections = []Section{Cover, Contents, Profile, Resource, Charts, Gov, Quality, Survey, Veto, Finance, Todo}

// Options choose what the dossier contains and fill its signature blocks.
type Options struct {
	// Sections to print (any order; printed in AllSections order). Nil
	// means DefaultSections.
	Sections []Section
	// Office is the compiling office (编制单位 / 填报单位); empty leaves a
	// line to fill in by hand.
	Office string
	// Date is the compiling date (编制日期 / 填报日期); zero means today.
	Date time.Time
	// Head, Preparer and Phone fill the signature block (单位负责人, 填报人,
	// 联系电话); empty ones are left blank for handwriting.
	Head, Preparer, Phone string
}

// ParseSections reads a comma-separated list of section keys or Chinese
// names ("cover,resource" or "封面,资源配置"); "all" selects every section.
func ParseSections(s string) ([]Section, error) {
	var out []Section
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		if part == "all" || part == "全部" {
			return AllSections, nil
		}
		found := false
		for _, sec := range AllSections {
			if part == string(sec) || part == SectionNames[sec] {
				out = append(out, sec)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("未知的材料部分「%s」", part)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("未选择任何材料部分")
	}
	return out, nil
}

func (o *Options) has(s Section) bool {
	list := o.Sections
	if list == nil {
		list = DefaultSections
	}
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (o *Options) date() time.Time {
	if o.Date.IsZero() {
		return time.Now()
	}
	return o.Date
}

// chineseDate prints 2025年3月8日.
func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
