"""Python's garbage collector through a command-line run: nearly idle while the modules load,
then their objects frozen out of its passes.

Loading pandas, pyarrow, pandera and the rules makes ~190,000 objects that live as long as
the run and no garbage, yet the collector walked them in ~50 passes while they loaded (~40
ms of a small file's 0.6 s check), and every later full pass walked them all again (~35 ms
each). The command line says `loading` first thing; the engine says `loaded` when a run's
work begins (`diff` and `inspect`, which read without auditing, say it themselves). A
caller of the Python API (a notebook, a scheduler) never said `loading`: its collector is
left as it was.
"""

from __future__ import annotations

import gc

# While the modules load: a pass every million new objects, which loading never reaches.
LOADING_OBJECTS_PER_COLLECTION = 1_000_000
# Once loaded: a run is one batch that keeps what it makes. The collector's default, a pass
# every 700 new objects, made ~450 passes in a 1M-row check (0.31 s of CPU); every 10,000
# makes ~30 (0.12 s). Objects in reference cycles only wait a little longer to be freed.
NEW_OBJECTS_PER_COLLECTION = 10_000

_loading = False


def loading() -> None:
    """The run's modules are about to load: the collector nearly idle until `loaded`."""
    global _loading
    _loading = True
    _every(LOADING_OBJECTS_PER_COLLECTION)


def loaded() -> None:
    """The modules the work needs are loaded: their objects are frozen (never walked again)
    and the collector runs as a run needs. Only the first call after `loading` does it."""
    global _loading
    if not _loading:
        return
    _loading = False
    gc.freeze()
    _every(NEW_OBJECTS_PER_COLLECTION)


def _every(new_objects: int) -> None:
    gc.set_threshold(new_objects, *gc.get_threshold()[1:])
