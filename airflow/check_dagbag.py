"""Loads airflow/dags into a DagBag as Airflow's DAG processor does and prints, as one JSON object,
the import errors and each DAG's tasks with their downstream tasks, schedule, params and retries
(also into the file named by a second argument).
Exit 1 when a file fails to import. Run with the venv's python and the environment of lib.sh."""

import json
import sys

from airflow.dag_processing.dagbag import DagBag

# Airflow's own processes put the DAGs folder on sys.path (the DAGs import massbt_dags from it).
sys.path.insert(0, sys.argv[1])
bag = DagBag(dag_folder=sys.argv[1])
out = {"import_errors": {k: str(v) for k, v in bag.import_errors.items()}, "dags": {}}
for dag_id, dag in sorted(bag.dags.items()):
    out["dags"][dag_id] = {
        "tasks": {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks},
        "operators": {t.task_id: type(t).__name__ for t in dag.tasks},
        "retries": {t.task_id: t.retries for t in dag.tasks},
        "schedule": type(dag.timetable).__name__ + " " + str(getattr(dag.timetable, "expression", "")),
        "params": sorted(dag.params.keys()),
        "paused_at_creation": dag.is_paused_upon_creation,
    }
text = json.dumps(out, indent=1, sort_keys=True)
if len(sys.argv) > 2:  # Airflow logs to stdout too: a file keeps the JSON apart
    with open(sys.argv[2], "w") as f:
        f.write(text + "\n")
print(text)
sys.exit(1 if bag.import_errors else 0)
