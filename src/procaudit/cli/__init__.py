"""The command line: typer only. Each command turns its flags into a request, makes one call
into `procaudit.app`, and turns the outcome into output and an exit code.

One module per command, named as the command is (`procaudit inspect` is `cli/inspect.py`),
beside the views and helpers it uses (`inspect_view.py`, `rules_view.py`, `inputs.py`,
`overrides.py`, `progress.py`): six commands do not need a folder of their own, and the name
typed is the name to open. Around them: `main` (the app and the entry point), `root` (the
options before the command), `options` (the options several commands share, with their
defaults), `common` (what every command does around its call: language, settings, failures),
`help` (the help in the help's language) and `early_input` (a check's one input, read from
the command line before typer converts it, for its parse to start).

Heavy modules (pandas, pandera, openpyxl, rich's progress) are imported inside the commands,
so that `procaudit --help` and `procaudit --version` stay fast.
"""

from procaudit.cli.main import app, main, run

__all__ = ["app", "main", "run"]
