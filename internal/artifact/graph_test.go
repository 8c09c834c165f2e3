package artifact

import (
	"reflect"
	"strings"
	"testing"
)

func deps(id string, on ...string) Task { return Task{ID: id, Text: "x", DependsOn: on} }

func TestCheckTaskGraph(t *testing.T) {
	tests := []struct {
		name    string
		tasks   []Task
		stories []string
		want    []string // rule: sentence
	}{
		{"a clean graph", []Task{deps("T-001"), deps("T-002", "T-001"), deps("T-003", "T-001", "T-002")}, nil, nil},
		{"a dangling dependency", []Task{deps("T-001"), deps("T-002", "T-009", "t-001 ")}, nil,
			[]string{"task-dangling-dependency: T-002 depends on T-009, which is not a task"}},
		{"a task on itself", []Task{deps("T-001", "T-001")}, nil,
			[]string{"task-cycle: T-001 depends on itself"}},
		{"a cycle of three, named from its first task", []Task{deps("T-001"), deps("T-002", "T-004"), deps("T-003", "T-002"), deps("T-004", "T-003", "T-001")}, nil,
			[]string{"task-cycle: T-002, T-003 and T-004 depend on each other in a cycle: T-002 → T-004 → T-003 → T-002"}},
		{"two cycles, each named once", []Task{deps("T-001", "T-002"), deps("T-002", "T-001"), deps("T-003", "T-004"), deps("T-004", "T-003")}, nil,
			[]string{
				"task-cycle: T-001 and T-002 depend on each other in a cycle: T-001 → T-002 → T-001",
				"task-cycle: T-003 and T-004 depend on each other in a cycle: T-003 → T-004 → T-003",
			}},
		{"a story no task delivers; a setup task delivers none", []Task{{ID: "T-001", Setup: true}, {ID: "T-002", Stories: []string{"US-001"}}},
			[]string{"US-001", "US-002"},
			[]string{"story-without-task: US-002 is delivered by no task"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range CheckTaskGraph(tt.tasks, tt.stories) {
				got = append(got, p.Rule+": "+p.What)
				if !strings.Contains(p.What, p.IDs[0]) {
					t.Errorf("%q does not name %s, where it is reported", p.What, p.IDs[0])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWaves(t *testing.T) {
	tests := []struct {
		name        string
		tasks       []Task
		want        [][]string
		unscheduled []string
	}{
		{"no dependencies: one wave", []Task{deps("T-001"), deps("T-002")}, [][]string{{"T-001", "T-002"}}, nil},
		{"after the last dependency", []Task{deps("T-001"), deps("T-002", "T-001"), deps("T-003", "T-001"), deps("T-004", "T-002", "T-001"), deps("T-005")},
			[][]string{{"T-001", "T-005"}, {"T-002", "T-003"}, {"T-004"}}, nil},
		{"dependencies listed before the task", []Task{deps("T-003", "T-002"), deps("T-002", "T-001"), deps("T-001")},
			[][]string{{"T-001"}, {"T-002"}, {"T-003"}}, nil},
		{"a dangling dependency is left out", []Task{deps("T-001", "T-009")}, [][]string{{"T-001"}}, nil},
		{"a cycle and what follows it are in no wave", []Task{deps("T-001"), deps("T-002", "T-003"), deps("T-003", "T-002", "T-001"), deps("T-004", "T-003"), deps("T-005", "T-001")},
			[][]string{{"T-001"}, {"T-005"}}, []string{"T-002", "T-003", "T-004"}},
		{"tasks without an ID are not in the graph", []Task{{Text: "x"}, deps("T-001")}, [][]string{{"T-001"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unscheduled := Waves(tt.tasks)
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(unscheduled, tt.unscheduled) {
				t.Errorf("waves %v, unscheduled %v; want %v, %v", got, unscheduled, tt.want, tt.unscheduled)
			}
		})
	}
}

// TestWavesAfterEveryDependency checks the rule on the fixture and a
// larger graph: every task is in a later wave than each of its
// dependencies, and in wave 1 only when it has none.
func TestWavesAfterEveryDependency(t *testing.T) {
	tasks := modelledTech().Tasks
	for i := 5; i <= 40; i++ {
		var on []string
		for _, d := range []int{i - 1, i / 2, i / 3} {
			if d >= 1 && d < i && (i+d)%3 != 0 {
				on = append(on, TaskID(d))
			}
		}
		tasks = append(tasks, deps(TaskID(i), on...))
	}
	waves, unscheduled := Waves(tasks)
	if len(unscheduled) > 0 {
		t.Fatalf("unscheduled %v in an acyclic graph", unscheduled)
	}
	wave := map[string]int{}
	for i, w := range waves {
		for _, id := range w {
			wave[id] = i + 1
		}
	}
	for _, task := range tasks {
		if len(task.DependsOn) == 0 && wave[task.ID] != 1 {
			t.Errorf("%s depends on nothing but is in wave %d", task.ID, wave[task.ID])
		}
		last := 0
		for _, d := range task.DependsOn {
			last = max(last, wave[d])
		}
		if len(task.DependsOn) > 0 && wave[task.ID] != last+1 {
			t.Errorf("%s is in wave %d, its last dependency in wave %d", task.ID, wave[task.ID], last)
		}
	}
}
