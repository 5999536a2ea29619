"""`procaudit diff OLD NEW`: what changed between two versions of a catalogue.

Kept light: the command line imports `formats` for its option before pandas is loaded, so
nothing here imports pandas; `compare.diff_files` does the work.
"""
