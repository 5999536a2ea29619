"""The values every layer shares: findings and severities, errors, the two languages, the
small writers (atomic files, JSON text) that every output goes through, and a run's Ctrl-C
(`interrupts`).

Nothing here imports pandas or any other part of procaudit.
"""
