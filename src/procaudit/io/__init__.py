"""Readers: turn a catalogue file into canonical tables, keeping where each row came from."""

from __future__ import annotations

from procaudit.io.read import Table, read_catalogue

__all__ = ["Table", "read_catalogue"]
