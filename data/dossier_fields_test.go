package data

import (
	"strings"
	"testing"

	"junheng/app/county"
)

// withDossierFacts fills every optional field the dossier added to the
// format (exchange.md: county facts of 表Ⅰ, the application, the request
// letter, the survey's conduct, the 整改台账 and the schools' 教职工数).
func withDossierFacts(f *county.File) *county.File {
	c := &f.County
	c.AreaKm2, c.AgriculturalPopulationWan, c.Villages = county.F(112), county.F(2.1), county.I(37)
	c.GDPPerCapita, c.FiscalRevenuePerCapita = county.F(98000), county.F(6900)
	c.RuralIncomePerCapita, c.UrbanIncomePerCapita = county.F(21000), county.F(38000)
	c.Application = &county.Application{Date: "2025-03-08", Applicant: "测试县人民政府", Office: "测试县教育体育局", Contact: "张明", Phone: "0398-5812345"}
	c.Narrative.Request = "测试县人民政府关于申请县域义务教育优质均衡发展督导评估的请示。"
	c.SurveyConduct = &county.SurveyConduct{Issued: county.I(1500), Valid: county.I(1429), Visits: county.I(120), VisitsSatisfied: county.I(110), Organizer: "市教育评估中心"}
	c.Rectification = []county.Rectification{
		{Code: "R2", SchoolID: county.S(f.Schools[0].ID), Measure: "2025年秋季招聘并认定骨干教师3名", Unit: "教体局人事股", Deadline: "2025-08-31", Status: "进行中"},
		{Code: "G9", Measure: "组织全员培训", Unit: "教师发展中心", Deadline: "2025-12-31", Status: "未开始"},
	}
	for i := range f.Schools {
		// staff only for the stages the school has pupils in (Validate
		// refuses staff of a stage a school does not teach)
		st := &county.StageCount{}
		if p := f.Schools[i].Students.Primary; p != nil && *p > 0 {
			st.Primary = county.I(40 + i)
		}
		if j := f.Schools[i].Students.Junior; j != nil && *j > 0 {
			st.Junior = county.I(1 + i%3)
		}
		f.Schools[i].Staff = st
	}
	return f
}

// The new optional fields are stored by reflection: imported, they come
// back in export-json byte for byte, with no schema change.
func TestDossierFieldsRoundTrip(t *testing.T) {
	f := withDossierFacts(county.Generate(12, 3))
	if p := county.Validate(f); len(p) > 0 {
		t.Fatalf("the filled facts do not validate: %v", p)
	}
	checkRoundTrip(t, mustEncode(t, f), f)
}

// A change of a new field is audited, and another office's change of one
// merges into the bureau's file.
func TestDossierFieldsAuditedAndMerged(t *testing.T) {
	bureau, school := twoOffices(t, 10)
	f, err := school.LoadYear("2024-2025")
	if err != nil {
		t.Fatal(err)
	}
	withDossierFacts(f)
	if err := school.SaveCounty("2024-2025", f.County); err != nil {
		t.Fatal(err)
	}
	if err := school.SaveSchool("2024-2025", f.Schools[3]); err != nil {
		t.Fatal(err)
	}
	h, err := school.History(Filter{SchoolID: "county"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range h {
		seen[c.Field] = true
	}
	for _, field := range []string{"county.application.date", "county.narrative.request", "county.survey_conduct.valid", "county.rectification", "county.villages"} {
		if !seen[field] {
			t.Errorf("history lacks %s; fields: %v", field, keys(seen))
		}
	}
	p := plan(t, bureau, school)
	if len(p.Conflicts) != 0 {
		t.Fatalf("conflicts: %v", p.Conflicts)
	}
	if err := bureau.ApplyMerge(p, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := bureau.LoadYear("2024-2025")
	if got.County.Application == nil || got.County.Application.Applicant != "测试县人民政府" ||
		len(got.County.Rectification) != 2 || got.County.Rectification[0].Measure != f.County.Rectification[0].Measure ||
		got.Schools[3].Staff == nil || *got.Schools[3].Staff.Primary != 43 {
		t.Fatalf("merged file lacks the other office's new fields: %+v %+v", got.County.Application, got.Schools[3].Staff)
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, " ")
}
