"""The audit engine: validate catalogues against the Pandera schema and the rules
(`audit`), collapse floods of findings, and derive what a run reports besides findings
(scorecard, catalogue statistics, baselines, the inspection of a file's layout).
"""
