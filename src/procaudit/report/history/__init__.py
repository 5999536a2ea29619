"""Renderers of `procaudit history`: the trend as Rich tables with sparklines, or JSON.

`formats` names them and their options; `view` draws them.
"""
