/**
 * @module spark/env
 * Where the Spark engine's programs are: the repo-local Python environment that spark/setup.sh
 * makes (PySpark bundles Spark itself), the job script, and the environment Spark's launch
 * scripts need. Nothing is looked up on the PATH, so the version run is the version pinned.
 *
 * @example
 * const spark = sparkEnv(); spawn(spark.submit, [...]);
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IngestError } from '../ingest/IngestError.ts';
import { REPO_ROOT } from '../paths.ts';

export interface SparkEnv {
  readonly home: string;
  readonly python: string;
  readonly submit: string;
  readonly sparkClass: string;
  readonly job: string;
  /** Environment for Spark's scripts: SPARK_HOME, the venv's Python, loopback addresses. */
  readonly vars: NodeJS.ProcessEnv;
}

export const VENV_DIR = path.join(REPO_ROOT, '.venv');
export const SETUP_SCRIPT = path.join(REPO_ROOT, 'spark', 'setup.sh');

export function sparkEnv(): SparkEnv {
  const python = path.join(VENV_DIR, 'bin', 'python');
  const lib = path.join(VENV_DIR, 'lib');
  const pythonDir = existsSync(lib) ? readdirSync(lib).find((d) => d.startsWith('python')) : undefined;
  const home = pythonDir ? path.join(lib, pythonDir, 'site-packages', 'pyspark') : '';
  if (!existsSync(python) || !home || !existsSync(path.join(home, 'bin', 'spark-submit'))) {
    throw new IngestError('spark_missing',
      `未安装 Spark 引擎：请先运行 ${path.relative(process.cwd(), SETUP_SCRIPT) || SETUP_SCRIPT}（安装 PySpark，需要 Java 17）— the Spark engine is not installed: run spark/setup.sh first`);
  }
  return {
    home, python,
    submit: path.join(home, 'bin', 'spark-submit'),
    sparkClass: path.join(home, 'bin', 'spark-class'),
    job: path.join(REPO_ROOT, 'spark', 'job.py'),
    vars: { ...process.env, SPARK_HOME: home, PYSPARK_PYTHON: python, PYSPARK_DRIVER_PYTHON: python, SPARK_LOCAL_IP: '127.0.0.1' },
  };
}
