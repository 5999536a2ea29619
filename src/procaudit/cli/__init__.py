"""The command line: typer only. Each command turns its flags into a request, makes one call
into `procaudit.app`, and turns the outcome into output and an exit code.

One module per command, named as the command is (`procaudit inspect` is `cli/inspect.py`),
beside the views and helpers it uses (`inspect_view.py`, `rules_view.py`, `inputs.py`,
`overrides.py`, `progress.py`): six commands do not need a folder of their own, and the name
typed is the name to open. Around them: `launch` (the console script), `streams` (the
standard streams made safe before anything writes), `early_input` (what
a run sets up before typer is imported: a check's one input read from the command line, for
its parse to start), `main` (the app), `root` (the options before the command), `options`
(the options several commands share, with their defaults), `common` (what every command
does around its call: language, settings, failures) and `help` (the help in the help's
language, and click's usage errors as one sentence).

Heavy modules (pandas, pandera, openpyxl, rich's progress) are imported inside the commands,
so that `procaudit --help` and `procaudit --version` stay fast. This package imports
nothing until a name below is first used, so that the console script starts a file's parse
before typer is imported (`cli.launch`).
"""

from __future__ import annotations

from procaudit.core.lazy_names import lazy_names

# Not typing's: importing typing costs ~2 ms before the console script can handle Ctrl-C
# (`procaudit.core.interrupts`); type checkers take any TYPE_CHECKING for theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:  # what type checkers see; at run time, __getattr__ below
    from procaudit.cli.launch import run
    from procaudit.cli.main import app, main

__all__ = ["app", "main", "run"]

# Public name -> the module that defines it.
_EXPORTS = {
    "app": "procaudit.cli.main",
    "main": "procaudit.cli.main",
    "run": "procaudit.cli.launch",
}


__getattr__, __dir__ = lazy_names(__name__, _EXPORTS)
