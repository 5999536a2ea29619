"""Repair a cell of formatted runs inside its runs: the formatting of part of a cell carries
meaning (an amended part of a procedure's name in bold red).

A repair takes out a doubled space, composes a letter with its tone mark, writes "QĐ" for
"QD": each change falls within one run, which keeps its font. The repaired text is aligned
with the text as the runs hold it, character by character; a change that would span two
runs (the same words with another formatting) cannot be placed in either, and the cell is
then written as plain text, which `patch_workbook` says in a note.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from openpyxl.cell.rich_text import CellRichText, TextBlock


def repaired_runs(value: CellRichText, after: str) -> CellRichText | None:
    """The runs of `value` holding `after`, each change made in the run of the text it
    changes (or that it follows, for an insertion); None where a change spans two runs."""
    runs = list(value)
    texts = [run.text if isinstance(run, TextBlock) else str(run) for run in runs]
    if not runs:
        return None
    before = "".join(texts)
    owner = [index for index, text in enumerate(texts) for _ in text]  # each character's run
    pieces: list[list[str]] = [[] for _ in runs]
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(end - start):
                pieces[owner[start + offset]].append(after[new_start + offset])
            continue
        if start < end:  # replaced or deleted: the text must lie in one run
            if owner[start] != owner[end - 1]:
                return None
            at = owner[start]
        else:  # inserted: into the run of the text before it (the first run at the start)
            at = owner[start - 1] if start > 0 else 0
        pieces[at].append(after[new_start:new_end])
    kept: list[str | TextBlock] = []
    for run, piece in zip(runs, pieces, strict=True):
        text = "".join(piece)
        if not text:
            continue  # a run whose every character the repair took out
        kept.append(TextBlock(run.font, text) if isinstance(run, TextBlock) else text)
    return CellRichText(kept)
