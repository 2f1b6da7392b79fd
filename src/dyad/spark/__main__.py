"""``spark-submit .../dyad/spark/__main__.py DUMP --out DIR``: the job under spark-submit, which
gives the master, the executors and their resources."""

from __future__ import annotations

import sys

from dyad.cli.spark_job import extract

if __name__ == "__main__":
    extract.main(args=[*sys.argv[1:], "--master", "submit"], prog_name="dyad spark extract")
