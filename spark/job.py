"""The Spark side of `renkou ingest --engine spark`, run by spark-submit with one argument: the job
plan (JSON) that server/spark/plan.ts wrote. For each contract table in order it stages the
exports as `src`, runs that table's rule file from sql/ingest/ (transpiled, see transpile.py),
then runs sql/rollups/build.sql; it writes Parquet under the plan's `out` folder:

  out/rollups/<table>/    every table the rollup file creates
  out/tables/<table>/     contract tables the serving database keeps (regions)
  out/records/<table>/    the other checked record tables, read back by later rules and the rollups
  out/quarantine/         every rejected row with its rule, as in DuckDB's quarantine table
  out/report.json         rows read per table, seconds, the rollup tables written

Lines starting with "renkou-progress " on stdout are progress for the person waiting; a contract
error ends the job with "renkou-error <code> <message>" and exit code 3.
"""
from __future__ import annotations

import json
import os
import sys
import time

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from sqlglot import exp

from transpile import Macro, parameters, parse, to_spark


# Progress lines are Chinese: UTF-8 whatever the locale Spark starts Python in (server/spark/submit.ts reads UTF-8).
sys.stdout.reconfigure(encoding="utf-8")


def progress(message: str) -> None:
    print(f"renkou-progress {message}", flush=True)


class ContractError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def bound(value):
    """A plan parameter as a Spark argument: lists become array literals."""
    if isinstance(value, list):
        return F.array(*[F.lit(v) for v in value])
    return value


class Job:
    def __init__(self, spark: SparkSession, plan: dict):
        self.spark = spark
        self.plan = plan
        self.out = plan["out"]
        self.macros: dict[str, Macro] = {}
        self.empty_tables: dict[str, list[str]] = {}
        self.cached: dict[str, DataFrame] = {}
        self.rollups: list[str] = []

    def columns(self, table: str) -> list[str]:
        return self.spark.table(table).columns

    def query(self, tree: exp.Expression) -> DataFrame:
        sql = to_spark(tree, self.macros, self.columns)
        args = {name: bound(self.plan["params"][name]) for name in parameters(tree)}
        return self.spark.sql(sql, args=args) if args else self.spark.sql(sql)

    def view(self, name: str, df: DataFrame, cache: bool) -> None:
        if cache:
            df = df.persist(StorageLevel.MEMORY_AND_DISK)
            self.cached[name] = df
        df.createOrReplaceTempView(name)

    def drop(self, name: str) -> None:
        cached = self.cached.pop(name, None)
        if cached is not None:
            cached.unpersist()
        self.spark.catalog.dropTempView(name)

    def run_file(self, name: str, keep) -> None:
        """Runs one sql/ file statement by statement; `keep(name, df)` receives each permanent table."""
        path = os.path.join(self.plan["sql"], f"{name}.sql")
        with open(path, encoding="utf-8") as f:
            statements = parse(f.read())
        for statement in statements:
            self.run_statement(statement, keep, name)

    def run_statement(self, statement: exp.Expression, keep, file: str) -> None:
        if isinstance(statement, exp.Create):
            kind = (statement.args.get("kind") or "").upper()
            if kind == "MACRO":
                macro = Macro(statement)
                self.macros[macro.name] = macro
                return
            target = statement.this
            if isinstance(target, exp.Schema):
                # CREATE TABLE t (columns): only its column names matter here (rows are inserted later).
                self.empty_tables[target.this.name] = [c.name for c in target.expressions if isinstance(c, exp.ColumnDef)]
                return
            name = target.name
            df = self.query(statement.expression)
            properties = statement.args.get("properties")
            temporary = properties is not None and any(isinstance(p, exp.TemporaryProperty) for p in properties.expressions)
            if kind == "VIEW":
                self.view(name, df, cache=False)
            elif temporary:
                self.view(name, df, cache=True)
            else:
                keep(name, df)
            return
        if isinstance(statement, exp.Insert):
            name = statement.this.name
            if name not in self.empty_tables:
                raise RuntimeError(f"{file}.sql: INSERT INTO {name}, a table the job does not collect")
            df = self.query(statement.expression).toDF(*self.empty_tables[name])
            df.write.mode("append").parquet(os.path.join(self.out, name))
            return
        if isinstance(statement, exp.Drop):
            for table in statement.args.get("tables") or [statement.this]:
                self.drop(table.name)
            return
        raise RuntimeError(f"{file}.sql: a statement the Spark engine does not run: {statement.sql('duckdb')[:80]}")

    def stage(self, table: dict) -> int:
        """Defines `src` as ingest.ts does: every contract column in its storage type, plus _file and _row."""
        columns = table["columns"]
        if table["files"]:
            reader = self.spark.read.option("mergeSchema", "true")
            if table["hive"]:
                reader = reader.option("basePath", table["base"])
            raw = reader.parquet(*table["files"])
            present = set(raw.columns)
            missing = [c for c in table["required"] if c not in present]
            if missing:
                raise ContractError("column_missing", f"{table['name']}: 缺少必需的列 {', '.join(missing)} — the required column(s) {', '.join(missing)} are missing")
            raw.select("*", F.col("_metadata.file_path").alias("_file_uri"), F.col("_metadata.row_index").alias("_row")) \
                .createOrReplaceTempView("src_files")
            typed = [f'TRY_CAST("{c["name"]}" AS {c["type"]}) AS "{c["name"]}"' if c["name"] in present
                     else f'NULL::{c["type"]} AS "{c["name"]}"' for c in columns]
            # Spark gives the file as a percent-encoded URI; DuckDB as the path. The path is what the
            # quarantine shows and what orders duplicates (a '+' in a URI is itself, not a space).
            path = "url_decode(replace(regexp_replace(_file_uri, '^file:', ''), '+', '%2B'))"
            sql = f"SELECT {', '.join(typed)}, {path} AS _file, _row FROM src_files"
        else:
            typed = [f'NULL::{c["type"]} AS "{c["name"]}"' for c in columns]
            sql = f"SELECT {', '.join(typed)}, NULL::VARCHAR AS _file, NULL::BIGINT AS _row WHERE false"
        self.view("src", self.query(parse(sql)[0]), cache=True)
        return self.cached["src"].count()

    def ingest_table(self, table: dict) -> dict:
        started = time.time()
        rows = self.stage(table)
        if table["requiredTable"] and rows == 0:
            raise ContractError("file_empty", f"{table['name']}: the required table has no rows")
        progress(f"{table['zh']}（{table['name']}）：读取 {rows:,} 行，来自 {len(table['files'])} 个文件，检查规则……")

        def keep(name: str, df: DataFrame) -> None:
            # Written now, while src and the rule tables are still cached, and read back from Parquet:
            # later rules and the rollups stream it in small splits. Cached instead, a province's
            # migrant spells came back as 68 MB blocks that filled a 768 MB executor's heap (OOM).
            folder = "tables" if name in self.plan["serve"] else "records"
            where = os.path.join(self.out, folder, name)
            df.write.mode("overwrite").parquet(where)
            self.spark.read.parquet(where).createOrReplaceTempView(name)

        self.run_file(table["rules"], keep)
        self.spark.catalog.dropTempView("src_files")
        seconds = time.time() - started
        progress(f"{table['zh']}（{table['name']}）：检查完成（{seconds:.1f} 秒）")
        return {"table": table["name"], "files": len(table["files"]), "rowsRead": rows, "seconds": seconds}

    def build_rollups(self) -> None:
        def keep(name: str, df: DataFrame) -> None:
            started = time.time()
            where = os.path.join(self.out, "rollups", name)
            # Rollups are small: one file each, in the order the query sorted them.
            df.coalesce(1).write.mode("overwrite").parquet(where)
            self.spark.read.parquet(where).createOrReplaceTempView(name)
            self.rollups.append(name)
            progress(f"汇总表 {name} 已写出（{time.time() - started:.1f} 秒）")

        self.run_file(self.plan["rollups"], keep)


def main(plan_path: str) -> int:
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    spark = SparkSession.builder.appName("renkou-ingest").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    started = time.time()
    job = Job(spark, plan)
    try:
        job.run_file(plan["setup"], lambda name, df: None)
        tables = [job.ingest_table(t) for t in plan["tables"]]
        job.build_rollups()
    except ContractError as e:
        print(f"renkou-error {e.code} {e}", flush=True)
        return 3
    report = {"tables": tables, "rollups": job.rollups, "seconds": time.time() - started}
    with open(os.path.join(plan["out"], "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
