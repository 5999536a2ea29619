"""Readers: turn a catalogue file into canonical tables, keeping where each row came from."""

from __future__ import annotations

from procaudit.io.read import Catalogue, ReadOptions, Table, read_catalogue

__all__ = ["Catalogue", "ReadOptions", "Table", "read_catalogue"]
