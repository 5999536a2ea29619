"""Renderers of `procaudit history`: the trend as Rich tables with sparklines, or JSON."""
