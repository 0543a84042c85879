#!/usr/bin/env bash
# Creates the repo-local Python environment the Spark engine runs in (.venv, gitignored):
# PySpark (bundles Spark; runs on the machine's Java 17) and SQLGlot (transpiles sql/ to Spark SQL).
# Versions are pinned so a fresh machine builds what the tests were run with. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYSPARK=4.1.1
SQLGLOT=30.31.0
stamp=".venv/.renkou-spark-$PYSPARK-sqlglot-$SQLGLOT"
[ -f "$stamp" ] && exit 0
command -v java >/dev/null || { echo "spark/setup.sh: Java (17 or later) is needed to run Spark" >&2; exit 1; }
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK" "sqlglot==$SQLGLOT"
touch "$stamp"
