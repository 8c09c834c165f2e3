package artifact

import (
	"fmt"
	"slices"
	"strings"
)

// The tasks of a tech spec form a graph: a task depends on the tasks it
// names in DependsOn. The graph must have no cycle and no dependency on a
// task that does not exist, and every story must be delivered by a task
// (a setup task delivers none). Waves order it for a team: wave 1 holds
// the tasks that depend on nothing, and a task is in the wave after the
// last of its dependencies, so the tasks of one wave can be worked on
// side by side.

// The rules of the task graph, as lint names them.
const (
	RuleTaskCycle        = "task-cycle"
	RuleTaskDangling     = "task-dangling-dependency"
	RuleStoryWithoutTask = "story-without-task"
)

// TaskProblem is a fault in the task graph.
type TaskProblem struct {
	Rule string // one of the Rule* constants above
	// IDs are the tasks the problem is about (for story-without-task, the
	// story): the first is where it is reported.
	IDs  []string
	What string // a sentence naming the IDs, without a final period
}

// String is the problem's sentence.
func (p TaskProblem) String() string { return p.What }

// taskGraph is the tasks with an ID, in document order, and the
// dependencies of each on tasks of the graph.
type taskGraph struct {
	ids  []string
	deps map[string][]string
}

// newTaskGraph builds the graph of the tasks with an ID; a task whose ID
// an earlier task already has is left out. Dependencies on tasks that are
// not in the graph are returned apart, by task, in order.
func newTaskGraph(tasks []Task) (*taskGraph, map[string][]string) {
	g := &taskGraph{deps: make(map[string][]string)}
	known := make(map[string]bool)
	for _, t := range tasks {
		if t.ID != "" && !known[t.ID] {
			known[t.ID] = true
			g.ids = append(g.ids, t.ID)
		}
	}
	dangling := make(map[string][]string)
	seen := make(map[string]bool)
	for _, t := range tasks {
		if t.ID == "" || seen[t.ID] {
			continue
		}
		seen[t.ID] = true
		for _, d := range normalizeRefs(t.DependsOn) {
			if known[d] {
				g.deps[t.ID] = append(g.deps[t.ID], d)
			} else {
				dangling[t.ID] = append(dangling[t.ID], d)
			}
		}
	}
	return g, dangling
}

// CheckTaskGraph checks the tasks' dependencies: a cycle (named task by
// task), and a dependency on a task that is not in the list. With stories
// (their IDs) it also reports each story that no task delivers. Problems
// come in the tasks' order, then the stories'.
func CheckTaskGraph(tasks []Task, stories []string) []TaskProblem {
	g, dangling := newTaskGraph(tasks)
	var out []TaskProblem
	for _, id := range g.ids {
		for _, d := range dangling[id] {
			out = append(out, TaskProblem{Rule: RuleTaskDangling, IDs: []string{id, d},
				What: fmt.Sprintf("%s depends on %s, which is not a task", id, d)})
		}
	}
	for _, cycle := range g.cycles() {
		what := fmt.Sprintf("%s depends on itself", cycle[0])
		if len(cycle) > 1 {
			what = fmt.Sprintf("%s depend on each other in a cycle: %s", joinAnd(sorted(cycle)), strings.Join(append(slices.Clone(cycle), cycle[0]), " → "))
		}
		out = append(out, TaskProblem{Rule: RuleTaskCycle, IDs: cycle, What: what})
	}
	if stories != nil {
		delivered := make(map[string]bool)
		for _, t := range tasks {
			for _, s := range normalizeRefs(t.Stories) {
				delivered[s] = true
			}
		}
		for _, s := range stories {
			if !delivered[s] {
				out = append(out, TaskProblem{Rule: RuleStoryWithoutTask, IDs: []string{s},
					What: fmt.Sprintf("%s is delivered by no task", s)})
			}
		}
	}
	return out
}

func sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// joinAnd joins IDs as "T-001, T-002 and T-003".
func joinAnd(ids []string) string {
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

// cycles returns one cycle through each strongly connected part of the
// graph that has one (Tarjan's algorithm), each starting at its task that
// comes first in the document and following dependencies, in the order of
// those first tasks.
func (g *taskGraph) cycles() [][]string {
	index := make(map[string]int)
	low := make(map[string]int)
	on := make(map[string]bool)
	var stack []string
	var parts [][]string
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		on[v] = true
		for _, w := range g.deps[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var part []string
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			on[w] = false
			part = append(part, w)
			if w == v {
				break
			}
		}
		parts = append(parts, part)
	}
	for _, v := range g.ids {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	pos := make(map[string]int, len(g.ids))
	for i, id := range g.ids {
		pos[id] = i
	}
	var out [][]string
	for _, part := range parts {
		if len(part) == 1 && !slices.Contains(g.deps[part[0]], part[0]) {
			continue
		}
		start := slices.MinFunc(part, func(a, b string) int { return pos[a] - pos[b] })
		out = append(out, g.cycleFrom(start, part))
	}
	slices.SortFunc(out, func(a, b []string) int { return pos[a[0]] - pos[b[0]] })
	return out
}

// cycleFrom finds a path from start back to start within part, trying
// dependencies in their order.
func (g *taskGraph) cycleFrom(start string, part []string) []string {
	in := make(map[string]bool, len(part))
	for _, p := range part {
		in[p] = true
	}
	seen := make(map[string]bool)
	var path []string
	var walk func(v string) bool
	walk = func(v string) bool {
		path = append(path, v)
		seen[v] = true
		for _, w := range g.deps[v] {
			if w == start {
				return true
			}
			if in[w] && !seen[w] && walk(w) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	walk(start)
	return path
}

// Waves orders the tasks with an ID into waves: wave 1 holds the tasks
// that depend on no task of the list, and each task is in the wave after
// the last of its dependencies, in document order within a wave. A
// dependency on a task not in the list is left out. Tasks in a cycle, or
// depending on one, are in no wave: they are returned apart.
func Waves(tasks []Task) (waves [][]string, unscheduled []string) {
	g, _ := newTaskGraph(tasks)
	wave := make(map[string]int)
	const visiting, stuck = -1, -2
	var level func(v string) int
	level = func(v string) int {
		switch w := wave[v]; {
		case w == visiting:
			return stuck
		case w != 0:
			return w
		}
		wave[v] = visiting
		n := 1
		for _, d := range g.deps[v] {
			l := level(d)
			if l == stuck {
				n = stuck
				break
			}
			n = max(n, l+1)
		}
		wave[v] = n
		return n
	}
	for _, id := range g.ids {
		level(id)
	}
	// A task that met a cycle while its dependency was still being
	// visited may have been given a level: a second pass settles it.
	for changed := true; changed; {
		changed = false
		for _, id := range g.ids {
			if wave[id] == stuck {
				continue
			}
			for _, d := range g.deps[id] {
				if wave[d] == stuck {
					wave[id], changed = stuck, true
					break
				}
			}
		}
	}
	for _, id := range g.ids {
		w := wave[id]
		if w == stuck {
			unscheduled = append(unscheduled, id)
			continue
		}
		for len(waves) < w {
			waves = append(waves, nil)
		}
		waves[w-1] = append(waves[w-1], id)
	}
	return waves, unscheduled
}

// waveLines writes the Waves section's list: "**Wave 1**: T-001, T-002",
// and the tasks no wave holds. It is empty when no task depends on
// another: the tasks' list says it all.
func waveLines(tasks []Task) []string {
	if !slices.ContainsFunc(tasks, func(t Task) bool { return len(t.DependsOn) > 0 }) {
		return nil
	}
	waves, unscheduled := Waves(tasks)
	var out []string
	for i, w := range waves {
		out = append(out, fmt.Sprintf("**Wave %d**: %s", i+1, strings.Join(w, ", ")))
	}
	if len(unscheduled) > 0 {
		out = append(out, "**In no wave** (in or after a dependency cycle): "+strings.Join(unscheduled, ", "))
	}
	return out
}
