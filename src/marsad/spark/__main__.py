"""``python -m marsad.spark INPUT OUTPUT [options]``: the driver script for ``spark-submit``.

Same options as ``marsad spark``; without ``--master`` the master comes from
``spark-submit`` (or Spark's local default).
"""

from __future__ import annotations

import sys

from marsad.cli.spark import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], prog_name="python -m marsad.spark"))
