package plan

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

func TestZZBig(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("BIGN"))
	if n == 0 {
		t.Skip()
	}
	seed, _ := strconv.Atoi(os.Getenv("SEED"))
	f := optimalCounty(n, int64(seed))
	data, _ := county.Encode(f)
	os.WriteFile(fmt.Sprintf("/tmp/big_%d_%d.json", n, seed), data, 0o644)
	o, _ := OptionsFor(f, eval.DefaultOptions())
	od, _ := json.Marshal(map[string]any{"costs": o.Costs, "off": []string{}, "margin": 0, "all_seven": false, "max_new_teachers": nil, "time_limit": 240, "gap": 1e-4})
	os.WriteFile(fmt.Sprintf("/tmp/big_%d_%d_o.json", n, seed), od, 0o644)
	t0 := time.Now()
	p, err := Make(f, standard.National2017(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	g3 := 0.0
	for _, a := range p.Actions {
		if a.Lever() == KeyRooms && a.Kind != KeyRooms {
			g3 += a.Cost
		}
	}
	fmt.Println("planner", p.TotalCost-g3, time.Since(t0), "failing before", p.Before.FailingParts)
}
