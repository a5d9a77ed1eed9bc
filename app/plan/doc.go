// Package plan is the 达标规划 (../shared/spec/plan.md): from one county
// year and the planning options it finds the cheapest set of actions
// (hires, upgrades, transfers, buildings, equipment, rooms) after which
// every school part passes R1–R7, every coefficient passes and every
// school passes G3, as judged by app/eval on a copy of the year with the
// actions applied. The model (what an action does to the data, Apply) is
// kept apart from the solver (how actions are chosen), and every plan the
// solver returns has passed the engine.
package plan
