"""Apache Spark batch processing for archives that outgrow one machine.

``marsad spark INPUT OUTPUT`` (or ``python -m marsad.spark INPUT OUTPUT`` as the driver
script of ``spark-submit``) reads JSON lines or WARC files from any path Spark reads,
runs the same pipeline as ``marsad ingest`` inside each partition (built once per
partition), and writes one Parquet directory per store table. pyspark is optional
(``pip install 'marsad[spark]'``) and imported only when a job runs. See ``docs/SPARK.md``.
"""

from __future__ import annotations

from marsad.spark.partition import PartitionJob

__all__ = ["PartitionJob"]
