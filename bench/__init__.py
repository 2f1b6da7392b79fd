"""Dyad's benchmarks, run on demand only, never by the tests: ``python -m bench``.

Each benchmark is also a script of its own, ``python bench/bench_NAME.py --help``:
``bench_readers`` (every reader beside parse-only and bz2 baselines), ``bench_extract``
(extraction beside reading, ``--profile``), ``bench_dump`` (the dump reader against other ways
of parsing a dump), ``bench_store`` (queries and ingest of the knowledge base) and
``bench_wikitext`` (the wikitext reader against mwparserfromhell alone). ``_rounds`` holds the
timing the first two share. See ``bench/README.md`` for the goals and the figures measured.
"""
