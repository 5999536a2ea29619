"""The values every layer shares: findings and severities, errors, the two languages, and the
small writers (atomic files, JSON text) that every output goes through.

Nothing here imports pandas or any other part of procaudit.
"""
