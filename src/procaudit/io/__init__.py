"""Readers: turn a catalogue file into canonical tables, keeping where each row came from."""

from __future__ import annotations

from procaudit.io.read import Catalogue, PerFile, ReadOptions, Table, options_for, read_catalogue

__all__ = ["Catalogue", "PerFile", "ReadOptions", "Table", "options_for", "read_catalogue"]
