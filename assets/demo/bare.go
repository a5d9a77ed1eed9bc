package demo

import "junheng/app/county"

// Bare is the demo county without what only the dossier prints: 表Ⅰ's
// county facts, the application, how the survey was done, the 整改台账
// and 教职工. Tests start from it to type those in and read them back.
func Bare() *county.File {
	f := File()
	c := &f.County
	c.AreaKm2, c.AgriculturalPopulationWan, c.Villages = nil, nil, nil
	c.GDPPerCapita, c.FiscalRevenuePerCapita, c.RuralIncomePerCapita, c.UrbanIncomePerCapita = nil, nil, nil, nil
	c.Application, c.SurveyConduct, c.Rectification = nil, nil, nil
	for i := range f.Schools {
		f.Schools[i].Staff = nil
	}
	return f
}
