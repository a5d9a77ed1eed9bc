package plan

import (
	"fmt"
	"os"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

func TestQuickDebug(t *testing.T) {
	if os.Getenv("PLANDEBUG") == "" {
		t.Skip()
	}
	for _, f := range []*county.File{county.Generate(60, 1), wideCounty(40, 7)} {
		o, _ := OptionsFor(f, eval.DefaultOptions())
		p, err := Make(f, standard.National2017(), o, nil)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("total %.0f actions %d before %+v after %+v\n", p.TotalCost, len(p.Actions), p.Before.FailingParts, p.After.FailingParts)
		for k, v := range p.ByKind {
			fmt.Println(k, v)
		}
		fmt.Println(p.Before.CV, p.After.CV)
	}
}
