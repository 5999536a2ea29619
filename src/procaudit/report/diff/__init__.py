"""Renderers of `procaudit diff`: Rich text, JSON and an Excel workbook of the changes."""
