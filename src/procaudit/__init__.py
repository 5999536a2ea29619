"""procaudit: a data-quality auditor for administrative-procedure catalogues."""

__version__ = "0.1.0"
