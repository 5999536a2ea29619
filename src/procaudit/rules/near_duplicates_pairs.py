"""Pairs of near keys one word apart, found without comparing all names (PA204,
`near_duplicates`).

Each distinct (level, near key) is an *entry* (`Keys`). Each word gets a random 64-bit number
and a key hashes as the polynomial sum of its words (`hash_keys`), so the hash of a key with
the word at position i taken out is one subtraction away: two keys of one length that differ
only at position i collide on it (`substitutions`), and a longer key with one word taken out
(the words after it moved up one place, a multiplication) collides with the whole hash of the
shorter key (`extra_words`). So the candidates are exactly the keys one word apart, found by
sorting one array of hashes (for a substitution, only of the places whose word has a typo
among the distinct words: a tenth of them or fewer); only they reach Python, where the two
words are judged (`near_duplicates_words`; rapidfuzz's OSA distance for the letters). This
replaces blocking by halves of the key: a block is compared pair by pair, and a family of
thousands of names sharing half their words ("Cấp giấy phép kinh doanh ...") makes one block
quadratic; here nothing is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from procaudit.catalogue.text_columns import repeated_numbers
from procaudit.rules.near_duplicates_difference import EXTRA, WORD, Difference
from procaudit.rules.near_duplicates_names import HALVES_FROM, Beside, Names
from procaudit.rules.near_duplicates_words import (
    FILLER_WORDS,
    filler_at,
    plain_word,
    repeated_at,
    typo_close,
)

# A typo is rare beside the word it garbles: in its place (between the same neighbours) it
# is in at most TYPO_SHARE of as many names, or in one or two. Two words one letter apart
# that are both common in that place are two words ("nhập khẩu sơn" and "nhập khẩu sắn",
# paint and cassava, each in hundreds of names of a large list), however close.
TYPO_SHARE = 0.1

_SEED = 204  # hashes are random but fixed, so that a run is reproducible
_BLOCK = 1 << 20  # words hashed at once


@dataclass
class Keys:
    """Distinct (level, near key) entries, their words one flat array of ids."""

    names: Names  # the distinct names, whose words the entries are
    name: np.ndarray  # per entry: its name in `names`
    near_id: np.ndarray  # per entry: entries at several levels share their near key
    level: np.ndarray  # level id per entry
    length: np.ndarray  # words per entry
    start: np.ndarray  # offset of each entry's first word in `token`
    token: np.ndarray  # word id, flat
    vocabulary: pa.Array  # the word of each id
    table: np.ndarray | None = None  # per entry: its table, on a stack of tables

    def words(self, entry: int) -> list[str]:
        return self.names.near_words(int(self.name[entry]))

    def owners(self, at: np.ndarray) -> np.ndarray:
        """The entry of each of the flat words `at` (not kept for every word: 35 MB at a
        million names)."""
        owners: np.ndarray = np.searchsorted(self.start, at, side="right") - 1
        return owners

    def positions(self, at: np.ndarray, owners: np.ndarray | None = None) -> np.ndarray:
        """The position of the flat words `at` in their entries (`owners`, if known)."""
        positions: np.ndarray = at - self.start[self.owners(at) if owners is None else owners]
        return positions

    def per_word(self, values: np.ndarray) -> np.ndarray:
        """A value per entry given to each of its words."""
        return np.repeat(values, self.length)

    def in_entry(self) -> np.ndarray:
        """Per flat word, whether it follows a word of its own entry (not the first)."""
        return _follows(len(self.token), self.start, self.length)


def gather_keys(
    names: Names,
    name: np.ndarray,
    near_id: np.ndarray,
    level: np.ndarray,
    table: np.ndarray | None = None,
) -> Keys:
    """The entries whose words are those of `name`, at `level` (in `table`, on a stack of
    tables): a gather from `names` (or `names`' own words, where the entries are the names
    in order, as when every name is distinct and at one level)."""
    length = names.length[name]
    if len(name) == len(names.length) and np.array_equal(name, np.arange(len(name))):
        start, token = names.start, names.token
    else:
        start = np.cumsum(length) - length
        token = np.empty(int(length.sum()), dtype=names.token.dtype)
    keys = Keys(names, name, near_id, level, length, start, token, names.vocabulary, table)
    if token is not names.token:  # each word's place among the names' words
        token[:] = names.token[np.arange(len(token)) + keys.per_word(names.start[name] - start)]
    return keys


@dataclass
class NameSums:
    """The names' word hashes (`hash_keys`), made of the names' words alone, so that they can
    be made beside the levels (`name_sums`): the sums of each name's words, and the sums
    before the words that `extra_words` may leave out."""

    values: np.ndarray  # per word id: its random value
    powers: np.ndarray  # per position p: r**p
    inverse: np.uint64  # 1 / r modulo 2**64
    whole: np.ndarray  # per name: the sum of its words
    first: np.ndarray  # per name: the sum of the words before its first, from its half's first
    droppable: np.ndarray  # the flat words (in `names.token`) `extra_words` may leave out
    ahead: np.ndarray  # per droppable word: the sum of the words before it, likewise


def name_sums(names: Names, beside: Beside | None = None) -> NameSums:
    """`NameSums` of `names`: one pass over all the names' words (by blocks); from
    `HALVES_FROM` names on, the second half's offered to another thread (`beside`)."""
    longest = int(names.length.max(initial=0))
    r = _random(1, 2)[0] | np.uint64(1)
    powers = np.cumprod(np.full(longest + 1, r, dtype=np.uint64)) * pow(int(r), -1, 2**64)
    values = _random(len(names.vocabulary), 1)
    droppable = _droppable(names.token, names.start, names.length, names.vocabulary)

    def sums(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        # The names lo to hi, their sums counted from the first of them: a name's sums are
        # only ever taken from one another.
        begin = int(names.start[lo]) if lo < len(names) else len(names.token)
        end = int(names.start[hi]) if hi < len(names) else len(names.token)
        start = names.start[lo:hi] - begin
        dropped = droppable[np.searchsorted(droppable, begin) : np.searchsorted(droppable, end)]
        bounds, ahead = _sums_before(
            names.token[begin:end], start, names.length[lo:hi], values, powers,
            np.append(start, end - begin), dropped - begin,
        )  # fmt: skip
        return bounds, ahead

    if beside is None or len(names) < HALVES_FROM:
        bounds, ahead = sums(0, len(names))
        first, whole = bounds[:-1], np.diff(bounds)  # differences modulo 2**64 are exact
    else:
        half = len(names) // 2
        second = beside(lambda: sums(half, len(names)))
        bounds, ahead = sums(0, half)
        later, later_ahead = second()
        first = np.concatenate([bounds[:-1], later[:-1]])
        whole = np.concatenate([np.diff(bounds), np.diff(later)])
        ahead = np.concatenate([ahead, later_ahead])
    inverse = np.uint64(pow(int(r), -1, 2**64))
    return NameSums(values, powers, inverse, whole, first, droppable, ahead)


def _droppable(
    token: np.ndarray, start: np.ndarray, length: np.ndarray, vocabulary: pa.Array
) -> np.ndarray:
    """The flat words of keys of four words or more that are a filler word or repeat the
    word before them (in one key): the words `extra_words` tries leaving out. The shorter
    name has at least three words: in "Cấp phép" / "Cấp giấy phép" every word counts."""
    fillers = pc.is_in(vocabulary, pa.array(sorted(FILLER_WORDS), type=pa.large_string()))
    filler = fillers.to_numpy(zero_copy_only=False).astype(bool)[token]  # per word id, gathered
    repeated = np.zeros(len(token), dtype=bool)
    repeated[1:] = (token[1:] == token[:-1]) & _follows(len(token), start, length)[1:]
    at: np.ndarray = np.flatnonzero((filler | repeated) & np.repeat(length >= 4, length))
    return at


def _follows(total: int, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Per flat word, whether it follows a word of its own key (not the first)."""
    follows = np.ones(total, dtype=bool)
    follows[start[length > 0]] = False
    return follows


@dataclass
class Hashes:
    keys: Keys
    sums: NameSums  # the names' sums, which the entries' are made of
    whole: np.ndarray  # per entry: the sum of its words
    full: np.ndarray  # per entry: whole, with its level and length
    salt: np.ndarray  # per entry: its level's term
    size: np.ndarray  # per length: its term

    def word(self, at: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """word(w) * r**p of the flat words `at`, at `positions` in their entries."""
        hashes: np.ndarray = self.sums.values[self.keys.token[at]] * self.sums.powers[positions]
        return hashes  # modulo 2**64


def _sums_before(
    token: np.ndarray,
    start: np.ndarray,
    length: np.ndarray,
    values: np.ndarray,
    powers: np.ndarray,
    *ats: np.ndarray,
) -> list[np.ndarray]:
    """The sum of the hashes of the words before each flat word of each of `ats` (each
    ascending; it may hold the number of words), from the first key on, modulo 2**64. Made
    by blocks of words: the running sum of every word is not kept (70 MB at a million names)."""
    total = len(token)
    sums = [np.empty(len(at), dtype=np.uint64) for at in ats]
    carry = np.zeros(1, dtype=np.uint64)  # an array: a scalar's wrapping would warn
    for begin in range(0, total, _BLOCK):
        end = min(begin + _BLOCK, total)
        # The keys the block's words belong to (the keys' words are one run): each word's
        # position is its offset from its key's start.
        lo, hi = np.searchsorted(start, [begin, end], side="right")
        starts = start[lo - 1 : hi]
        counts = np.minimum(starts + length[lo - 1 : hi], end) - np.maximum(starts, begin)
        positions = np.arange(begin, end) - np.repeat(starts, counts)
        running = np.cumsum(values[token[begin:end]] * powers[positions])  # mod 2**64
        for at, out in zip(ats, sums, strict=True):
            lo, hi = np.searchsorted(at, [begin, end])
            inside = at[lo:hi] - begin  # the words before: running[inside - 1]
            out[lo:hi] = np.where(inside > 0, running[np.maximum(inside - 1, 0)], 0) + carry
        carry += running[-1:]
    for at, out in zip(ats, sums, strict=True):
        out[at >= total] = carry
    return sums


def _random(size: int, seed: int) -> np.ndarray:
    return np.random.default_rng([_SEED, seed]).integers(
        0, np.iinfo(np.uint64).max, size=max(size, 1), dtype=np.uint64, endpoint=True
    )


def hash_keys(keys: Keys, sums: NameSums) -> Hashes:
    """A key hashes as sum(word(w_p) * r**p) + level term + length term, modulo 2**64, with
    random word values and a random odd r (the words' sum is its name's, `name_sums`).
    Leaving word p out keeping the others in place subtracts one term; leaving it out
    moving the rest up one place multiplies the words after it by 1/r (r is odd, so it has
    an inverse modulo 2**64)."""
    longest = int(keys.length.max())
    whole = sums.whole[keys.name]
    salt = _random(int(keys.level.max()) + 1, 3)[keys.level]
    size = _random(longest + 2, 4)
    full = whole + salt + size[keys.length]
    return Hashes(keys, sums, whole, full, salt, size)


def vocabulary_typos(vocabulary: pa.Array) -> pd.DataFrame:
    """The pairs (a, b), both ways, of the vocabulary's word ids that are a typo apart, for
    `substitutions`: of the names' words alone, so made as soon as the names are."""
    return _typo_pairs(vocabulary, np.arange(len(vocabulary), dtype=np.int64))


def substitutions(
    keys: Keys, hashes: Hashes, close: pd.DataFrame
) -> list[tuple[int, int, Difference]]:
    """Entry pairs whose keys differ in one word, the two words a typo apart (`close`, the
    vocabulary's: `vocabulary_typos`).

    Both words of such a pair have a typo in the vocabulary, so only the places holding
    such a word are hashed and sorted (a tenth of a million names' words, or fewer): the
    typos are looked for in the vocabulary first, which has far fewer words than the names."""
    if close.empty:
        return []
    has_typo = np.zeros(len(keys.vocabulary), dtype=bool)
    has_typo[close["a"].to_numpy()] = True
    at = np.flatnonzero(has_typo[keys.token])
    gap = _random(int(keys.length.max()) + 1, 5)  # tells the positions left out apart
    owner = keys.owners(at)
    position, token = keys.positions(at, owner), keys.token[at]
    without = hashes.full[owner]  # a fresh array: the sums below are made in it
    without -= hashes.word(at, position)
    without += gap[position]
    shared = repeated_numbers(without)
    if not shared.any():
        return []
    slots = pd.DataFrame({
        "slot": without[shared], "token": token[shared], "owner": owner[shared],
        "position": position[shared],
    })  # fmt: skip
    # For every word in a shared slot, its typos; then the entries holding one there.
    probes = slots.merge(close, left_on="token", right_on="a")
    found = probes.merge(
        slots, left_on=["slot", "b"], right_on=["slot", "token"], suffixes=("", "_other")
    )
    found = found[found["owner"] < found["owner_other"]]
    found = found[_rare_beside(keys, found)]
    keys.names.load(keys.name[np.concatenate([found["owner"], found["owner_other"]])])
    out = []
    for u, v, i in zip(found["owner"], found["owner_other"], found["position"], strict=True):
        mine, theirs = keys.words(u), keys.words(v)
        if len(mine) == len(theirs) and mine[:i] == theirs[:i] and mine[i + 1 :] == theirs[i + 1 :]:
            out.append((int(u), int(v), Difference(WORD, mine[i], theirs[i])))
    return out


def _rare_beside(keys: Keys, found: pd.DataFrame) -> np.ndarray:
    """For each pair of names differing in one word (a, b) between the same neighbours L and
    R: whether one of the two words, in that place, is rare beside the other. A word is
    counted with its neighbours, in the different near keys of the table, so that a slip
    that happens to spell another word ("Văn bán" for "Văn bản"; "bán" is common in "buôn
    bán") still reads as rare, while two words at home in the same place ("nhập khẩu sơn",
    "nhập khẩu sắn") do not. On a stack of tables, each pair's words are counted in its own
    table's near keys: the pairs of words counted carry their table's number."""
    table, owner = keys.table, found["owner"].to_numpy()
    once = np.zeros(len(keys.length), dtype=bool)  # a near key at several levels counts once
    near = keys.near_id
    if table is not None:  # once in each table
        near = table * (int(near.max(initial=0)) + 1) + near
    once[np.unique(near, return_index=True)[1]] = True
    width = np.int64(len(keys.vocabulary) + 1)
    token = keys.token
    at = keys.start[owner] + found["position"].to_numpy()
    has_left = found["position"].to_numpy() > 0
    has_right = found["position"].to_numpy() + 1 < keys.length[owner]
    left = np.where(has_left, token[np.maximum(at - 1, 0)], -1)
    right = np.where(has_right, token[np.minimum(at + 1, len(token) - 1)], -1)
    # Only the word pairs that begin with a neighbour or one of the two words are counted.
    starts = np.zeros(len(keys.vocabulary) + 1, dtype=bool)
    starts[np.concatenate([left, found["token"], found["token_other"]])] = True
    counted = keys.per_word(once)
    inside = keys.in_entry()[1:] & counted[1:] & starts[token[:-1]]
    in_keys = token[:-1][inside] * width + token[1:][inside]
    if table is None:
        scope = np.int64(0)
        uses = np.bincount(token[counted], minlength=len(keys.vocabulary))

        def uses_of(word: np.ndarray) -> np.ndarray:
            used: np.ndarray = uses[word]
            return used
    else:
        of_word = keys.per_word(table)
        in_keys += of_word[1:][inside] * (width * width)
        scope = table[owner] * (width * width)
        in_table = pd.Series(of_word[counted] * width + token[counted])
        del of_word

        def uses_of(word: np.ndarray) -> np.ndarray:
            keyed = table[owner] * width + word
            counts = in_table[in_table.isin(keyed)].value_counts()
            used: np.ndarray = counts.reindex(keyed, fill_value=0).to_numpy()
            return used

    pairs_in_keys = pd.Series(in_keys)
    del inside, counted, in_keys

    def in_place(word: np.ndarray) -> np.ndarray:
        before, after = scope + left * width + word, scope + word * width + right
        wanted = pairs_in_keys[pairs_in_keys.isin(np.concatenate([before, after]))]
        counts = wanted.value_counts()
        count_before = counts.reindex(before, fill_value=0).to_numpy()
        count_after = counts.reindex(after, fill_value=0).to_numpy()
        out = np.minimum(np.where(has_left, count_before, np.iinfo(np.int64).max),
                         np.where(has_right, count_after, np.iinfo(np.int64).max))  # fmt: skip
        return np.where(has_left | has_right, out, uses_of(word))

    mine, theirs = in_place(found["token"].to_numpy()), in_place(found["token_other"].to_numpy())
    rare: np.ndarray = np.minimum(mine, theirs) <= np.maximum(
        2, TYPO_SHARE * np.maximum(mine, theirs)
    )
    return rare


# A word's deletions grow with the square of its length: a "word" longer than this (a cell
# of one character repeated a million times, a pasted hash) is no word anyone mistyped, and
# would cost minutes. Vietnamese syllables have at most 7 letters, English words about 20.
LONGEST_WORD = 40


def _typo_pairs(vocabulary: pa.Array, tokens: np.ndarray) -> pd.DataFrame:
    """Pairs (a, b), both ways, of word ids among `tokens` that are `typo_close`.

    Words within k slips share a string left by deleting at most k letters from each, so
    words are grouped by those deletions and only words sharing one are compared."""
    rows: list[tuple[str, int]] = []
    # Words of ASCII digits alone (numbers in names) are no plain words: told apart in one
    # pass, the loop sees only the rest.
    words = vocabulary.take(tokens)
    numbers = pc.match_substring_regex(words, "^[0-9]+$").to_numpy(zero_copy_only=False)
    kept = ~numbers.astype(bool)
    word_of = dict(
        zip(tokens[kept].tolist(), words.filter(pa.array(kept)).to_pylist(), strict=True)
    )
    words_kept = [
        (token, word)
        for token, word in word_of.items()
        if plain_word(word) and len(word) <= LONGEST_WORD
    ]
    if len(words_kept) <= SMALL_VOCABULARY:
        return _typo_pairs_small(words_kept)
    for token, word in words_kept:
        rows.extend((variant, token) for variant in _deletions(word, 1 + (len(word) >= 6)))
    variants = pd.DataFrame(rows, columns=["variant", "a"]).drop_duplicates()
    variants = variants[variants["variant"].duplicated(keep=False)]
    pairs = variants.merge(variants, on="variant", suffixes=("", "_b"))
    pairs = pairs.loc[pairs["a"] < pairs["a_b"], ["a", "a_b"]].drop_duplicates()
    keep = [
        typo_close(word_of[a], word_of[b]) for a, b in zip(pairs["a"], pairs["a_b"], strict=True)
    ]
    pairs = pairs[np.array(keep, dtype=bool)].rename(columns={"a_b": "b"})
    return pd.concat([pairs, pairs.rename(columns={"a": "b", "b": "a"})], ignore_index=True)


# Up to this many words (a small list's), the pairs are grouped in Python: pandas' fixed cost
# per operation was the whole cost of `_typo_pairs` on a commune's list.
SMALL_VOCABULARY = 2000


def _typo_pairs_small(words: list[tuple[int, str]]) -> pd.DataFrame:
    """`_typo_pairs` of a few words (token, word), grouped by their deletions in a dict: the
    same pairs (their order differs, as it did from run to run: deletions are a set)."""
    sharing: dict[str, list[int]] = {}
    for token, word in words:
        for variant in _deletions(word, 1 + (len(word) >= 6)):
            sharing.setdefault(variant, []).append(token)
    candidates = {
        (min(a, b), max(a, b))
        for tokens in sharing.values()
        if len(tokens) > 1
        for i, a in enumerate(tokens)
        for b in tokens[i + 1 :]
    }
    word_of = dict(words)
    close = sorted(pair for pair in candidates if typo_close(word_of[pair[0]], word_of[pair[1]]))
    first = np.array([a for a, _ in close], dtype=np.int64)
    second = np.array([b for _, b in close], dtype=np.int64)
    return pd.DataFrame(
        {"a": np.concatenate([first, second]), "b": np.concatenate([second, first])}
    )


def _deletions(word: str, depth: int) -> set[str]:
    found = frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


def extra_words(keys: Keys, hashes: Hashes) -> list[tuple[int, int, Difference]]:
    """Entry pairs where the longer key is the shorter plus one filler or repeated word."""
    sums = hashes.sums
    if keys.token is keys.names.token:  # the entries are the names, in order
        at = sums.droppable
    else:
        at = _droppable(keys.token, keys.start, keys.length, keys.vocabulary)
    if not len(at):
        return []
    entry = keys.owners(at)
    position = keys.positions(at, entry)
    # The same word of the entry's name, whose sum before it `name_sums` made.
    name = keys.name[entry]
    in_name = keys.names.start[name] + position
    before = sums.ahead[np.searchsorted(sums.droppable, in_name)] - sums.first[name]
    after = hashes.whole[entry] - before - hashes.word(at, position)
    without = before + after * sums.inverse + hashes.salt[entry]
    without += hashes.size[keys.length[entry] - 1]
    # Only the entries whose hash is one of these can match: found by a hash look-up of
    # them, in row order, then sorted stably (of equal hashes, the first entry is found), where
    # a stable sort of every entry's hash took 90 ms at a million names.
    order = np.flatnonzero(pd.Series(hashes.full).isin(without).to_numpy())
    if not len(order):
        return []
    order = order[np.argsort(hashes.full[order], kind="stable")]
    ordered = hashes.full[order]
    found = np.minimum(np.searchsorted(ordered, without), len(order) - 1)
    match = ordered[found] == without
    keys.names.load(keys.name[np.concatenate([entry[match], order[found][match]])])
    out = []
    position = position[match]
    for long, short, i in zip(entry[match], order[found][match], position, strict=True):
        words = keys.words(long)
        if words[:i] + words[i + 1 :] != keys.words(short):
            continue
        if filler_at(words, i):
            out.append((int(long), int(short), Difference(EXTRA, words[i], "", True)))
        elif repeated_at(words, i):
            out.append((int(long), int(short), Difference(EXTRA, words[i], "", True, True)))
    return out
