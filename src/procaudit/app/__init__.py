"""procaudit's use cases without a command line: the settings of a run and its steps."""
