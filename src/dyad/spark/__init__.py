"""A whole dump on Apache Spark: the same reader and extractor, in parallel, into Parquet.

The job (:func:`dyad.spark.job.run`, ``dyad spark extract``) has two stages, and a third on
request.

1. **Pages.** The dump is cut into partitions of whole bz2 streams by the multistream index
   (:mod:`dyad.spark.partitions`); each Spark task reads its byte range with Dyad's own dump
   reader and, page by page (:mod:`dyad.spark.pages`), reads the relations pages with the
   wikitext reader and extracts them with :func:`dyad.extract.pipeline.extract`, computes every
   article's preview (:mod:`dyad.spark.leads`) and lists redirects and links. A page that fails
   goes to the quarantine with its reason. Each task writes its own Parquet part files
   (:mod:`dyad.spark.tables`), so a task's memory is bounded by its partition.
2. **Previews for links.** Spark joins every link of the relations pages, through redirects, to
   the preview of the article it points to (:mod:`dyad.spark.job`).
3. **Previews into extraction** (``preview_glosses``). The partitions holding relations pages
   extract them again, each document carrying its links' previews as glosses
   (:func:`dyad.spark.pages.reextract_partition`).

The output folder is read back by ``dyad ingest`` (:mod:`dyad.spark.load`, which needs only
pyarrow) and by DuckDB or pandas (``docs/spark.md``). Only :mod:`dyad.spark.job` imports
pyspark: everything else runs, and is tested, without it.
"""
