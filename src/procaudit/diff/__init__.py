"""`procaudit diff OLD NEW`: what changed between two versions of a catalogue.

`changes.diff_files` does the work (versions, matching, changes); `report.diff` renders it.
"""
