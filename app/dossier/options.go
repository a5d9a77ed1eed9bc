package dossier

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"junheng/app/county"
	"junheng/app/evidence"
)

// Section is one part of the dossier that can be printed on its own.
type Section string

// The sections, in the order counties bind them.
const (
	Cover     Section = "cover"    // 封面
	Contents  Section = "contents" // 目录
	Request   Section = "request"  // 申请报告（请示）
	Report    Section = "report"   // 自评报告
	Profile   Section = "profile"  // 表Ⅰ 基本情况
	Resource  Section = "resource" // 表Ⅱ 资源配置
	Charts    Section = "charts"   // 资源配置指标图
	CV        Section = "cv"       // 表Ⅲ 校际差异系数
	Gov       Section = "gov"      // 表Ⅳ 政府保障程度
	Quality   Section = "quality"  // 表Ⅶ 教育质量
	Finance   Section = "finance"  // 表Ⅴ 义务教育经费情况
	Survey    Section = "survey"   // 表Ⅵ 社会认可度
	Veto      Section = "veto"     // 一票否决
	Todo      Section = "todo"     // 评估结论与整改清单
	List      Section = "list"     // 学校名单
	Evidence  Section = "evidence" // 佐证材料目录
	SchoolSet Section = "schools"  // 一校一表
)

// AllSections lists every section in print order.
var AllSections = []Section{Cover, Contents, Request, Report, Profile, Resource, Charts, CV, Gov, Finance, Survey, Quality, Veto, Todo, List, Evidence, SchoolSet}

// SectionNames names each section in Chinese.
var SectionNames = map[Section]string{
	Cover: "封面", Contents: "目录", Request: "申请报告", Report: "自评报告",
	Profile: "基本情况", Resource: "资源配置", Charts: "资源配置图表", CV: "校际差异系数",
	Gov: "政府保障程度", Quality: "教育质量", Finance: "义务教育经费情况", Survey: "社会认可度",
	Veto: "一票否决", Todo: "整改清单", List: "学校名单", Evidence: "佐证材料目录", SchoolSet: "一校一表",
}

// sectionAliases are older names still accepted by --sections.
var sectionAliases = map[string]Section{"申报表": Profile}

// DefaultSections is everything except the one-page-per-school sheets.
var DefaultSections = AllSections[:len(AllSections)-1]

// Options choose what the dossier contains and fill its signature blocks.
// The county file's application (county.application) comes first: Office,
// Preparer and Phone only fill what the file leaves empty.
type Options struct {
	// Sections to print (any order; printed in AllSections order). Nil
	// means DefaultSections.
	Sections []Section
	// Office is the compiling office (编制单位 / 填报单位) when the file
	// names none; both empty leave a line to fill in by hand.
	Office string
	// Date is the compiling date; zero means the file's application date,
	// or else the last day of the school year. Never today: a dossier
	// printed twice reads the same.
	Date time.Time
	// Head, Preparer and Phone fill the signature block (单位负责人, 填报人,
	// 联系电话) where the file's contact and phone are empty.
	Head, Preparer, Phone string
	// Evidence are the year's attachments as the 迎检档案 files them
	// (evidence.Number): the 佐证材料目录 lists each with its 件号. Nil
	// lists only the evidence lines typed into the county items.
	Evidence []evidence.Filed
}

// ParseSections reads a comma-separated list of section keys or Chinese
// names ("cover,resource" or "封面,资源配置"); "all" selects every section.
func ParseSections(s string) ([]Section, error) {
	var out []Section
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == '、' }) {
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
		if sec, ok := sectionAliases[part]; ok && !found {
			out = append(out, sec)
			found = true
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

// facts are the application's facts as printed: the file's, completed by
// the options, with the applicant defaulting to the county government.
type facts struct {
	Date                           time.Time
	Applicant, Office              string
	Head, Contact, Phone           string
	DocNo, Signer, Attachments     string
	DateFromFile, DateFromYearEnds bool
}

// applicationFacts resolves what the cover, the letter and the signature
// blocks print.
func applicationFacts(f *county.File, o *Options) facts {
	var a county.Application
	if f.County.Application != nil {
		a = *f.County.Application
	}
	fa := facts{Applicant: strings.TrimSpace(a.Applicant), Office: strings.TrimSpace(a.Office),
		Contact: strings.TrimSpace(a.Contact), Phone: strings.TrimSpace(a.Phone), Head: o.Head,
		DocNo: strings.TrimSpace(a.DocNo), Signer: strings.TrimSpace(a.Signer), Attachments: a.Attachments}
	if fa.Applicant == "" && f.County.Name != "" {
		fa.Applicant = f.County.Name + "人民政府"
	}
	if fa.Office == "" {
		fa.Office = o.Office
	}
	if fa.Contact == "" {
		fa.Contact = o.Preparer
	}
	if fa.Phone == "" {
		fa.Phone = o.Phone
	}
	switch {
	case !o.Date.IsZero():
		fa.Date = o.Date
	default:
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(a.Date)); err == nil {
			fa.Date, fa.DateFromFile = t, true
		} else {
			fa.Date, fa.DateFromYearEnds = schoolYearEnd(f.Year), true
		}
	}
	return fa
}

// schoolYearEnd is the last day of a school year "2020-2021": 31 August
// 2021. An unreadable year gives the zero time's year 1 — never today.
func schoolYearEnd(year string) time.Time {
	_, end, ok := strings.Cut(year, "-")
	y, err := strconv.Atoi(end)
	if !ok || err != nil || y < 1900 || y > 9999 {
		y = 2000
	}
	return time.Date(y, time.August, 31, 0, 0, 0, 0, time.UTC)
}

// chineseDate prints 2025年3月8日.
func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// dateText prints a date as entered in the one style of the dossier:
// "2025-09-30" → 2025年9月30日, "2025-09" → 2025年9月; other text as is.
func dateText(s string) string {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return chineseDate(t)
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
	}
	if t, err := time.Parse("2006/1/2", s); err == nil {
		return chineseDate(t)
	}
	return s
}
