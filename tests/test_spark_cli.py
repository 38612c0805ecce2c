"""``marsad spark`` / ``python -m marsad.spark`` argument handling (no Spark session is started)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from marsad.cli.spark import main
from marsad.pipeline import COMPONENTS


def test_spark_cli_module_is_a_driver_program() -> None:
    result = subprocess.run([sys.executable, "-m", "marsad.spark", "--help"], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: python -m marsad.spark [OPTIONS] INPUT OUTPUT")
    for option in ("--input", "--map", "--master", "--partitions", "--overwrite"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["in.jsonl", "out", "--conf", "spark.ui.enabled"], 2,
         "error: [E500] invalid --conf 'spark.ui.enabled': expected KEY=VALUE"),
        (["in.jsonl", "out", "--map", "body"], 2,
         "error: [E500] invalid field mapping 'body': expected PART=FIELD[,FIELD...] with PART in title, content, "
         "published, url, source, id, author"),
        (["in.jsonl", "out", "--components", "structure,vibes"], 1,
         f"error: [E202] unknown component 'vibes'; known: {', '.join(COMPONENTS)}"),
    ],
)
def test_spark_cli_bad_options(args: list[str], status: int, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed")
    assert main(args) == status
    assert capsys.readouterr().err.strip() == message


def test_spark_cli_bad_input_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["in", "out", "--input", "csv"]) == 2
    assert "Invalid value for '--input': 'csv' is not one of 'jsonl', 'warc'." in capsys.readouterr().err
