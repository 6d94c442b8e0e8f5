"""Dutch text for search and trends: words, stopwords, stems, compounds, personal data out.

Stems come from the Snowball Dutch stemmer (PyStemmer) with doubled vowels undoubled, so
"parkeer" and "parkeren" meet. Compounds are split against the words an index knows (see
`Splitter`), so "parkeervergunning" also counts as "parkeer" + "vergunning".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

STOPWORDS = frozenset(
    """
    aan al alle alleen als alsjeblieft alstublieft altijd ander andere anders ben bent bij bijna
    daar daarna dan dank dat de deze die dit doch doe doen door dus echter een eens eigen en er
    erg even ge geen gehad geweest graag had hadden heb hebben hebt heeft hem hen het hier hij
    hoe hun iemand iets ik in is ja je jij jou jouw jullie kan kon kun kunnen kunt maar me meer
    mee men met mij mijn moet moeten na naar nee niet niets nog nou nu of om omdat ons onze ook
    op over te tegen toch toen tot u uit uw van vanaf veel voor vooral waar waarom wanneer want
    was waren wat we wel welk welke werd werden wie wij wil willen word worden wordt zal ze zei
    zelf zich zij zijn zo zoals zonder zou zouden zullen beste geachte groet groeten vriendelijke
    hallo hoi hey goedemorgen goedemiddag goedenavond bedankt alvast heer mevrouw meneer
    dhr mw fam familie gemeente vraag vragen even weer nogmaals hierbij graag gr mvg
    """.split()
)

_STREET_PREFIX = (
    "Van|De|Den|Der|Prins|Prinses|Koning|Koningin|Graaf|Burgemeester|Dokter|Sint|Oude|Nieuwe|"
    "Korte|Lange|Hoge|Lage|Groot|Klein|Jan|Willem|Pieter|Karel|Johan"
)
STREET = re.compile(
    rf"\b((?:(?:{_STREET_PREFIX}) )*[A-Z][a-zà-ÿ]+(?:-[A-Z]?[a-zà-ÿ]+)?"
    r"(?:straat|laan|weg|plein|singel|gracht|kade|dreef|hof|pad|steeg|dijk|plantsoen|markt|park))"
    r"\b"
)
_WORD = re.compile(r"[a-z]+")
_EMAIL = re.compile(r"\S+@\S+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
_DIGITS = re.compile(r"\d+[\w-]*")
_TITLED = re.compile(
    r"\b(?:meneer|mevrouw|mevr|mw|dhr|heer|familie|fam|de heer|naam is|ik ben|heet)\.?\s+"
    r"(?:[A-Za-zÀ-ÿ'-]+\s?){1,3}",
    re.I,
)

_stemmer = Stemmer.Stemmer("dutch")
_UNDOUBLE = re.compile(r"([aeou])\1")


def fold(text: str) -> str:
    """Lower case without accents: 'Één café' -> 'een cafe'."""
    lower = text.lower()
    if lower.isascii():
        return lower
    # accents come apart from their letters, then only ASCII is kept (fast, in C)
    return unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """The words of `text`, folded, without stopwords and one-letter words."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return undouble(_stemmer.stemWord(word))


def undouble(word: str) -> str:
    """'parkeer' -> 'parker': doubled vowels single, as stems are compared."""
    return _UNDOUBLE.sub(r"\1", word)


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


class Splitter:
    """Splits compounds into words a vocabulary knows: 'parkeervergunning' -> parker, vergun.

    `known` is the set of stems of the index. A part is a known stem of at least four letters
    (three for the last part); a linking s or e between parts is allowed.
    """

    MIN_WORD = 7

    def __init__(self, known: Iterable[str]) -> None:
        self.known = set(known)
        self._cache: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """The stems of the parts of `word` (empty when it is not a compound of known words)."""
        if len(word) < self.MIN_WORD:
            return ()
        found = self._cache.get(word)
        if found is None:
            found = self._split(word, depth=0) or ()
            if len(found) < 2:
                found = ()
            self._cache[word] = found
        return found

    def _is_known(self, piece: str, minimum: int) -> str | None:
        if len(piece) < minimum:
            return None
        key = stem(piece)
        if key in self.known:
            return key
        return None

    def _split(self, word: str, depth: int) -> tuple[str, ...] | None:
        best: tuple[str, ...] | None = None
        for i in range(len(word) - 3, 3, -1):
            head = self._is_known(word[i:], 3)
            if head is None:
                continue
            left = word[:i]
            for modifier in (left, left[:-1] if left[-1:] in "se" else None):
                if not modifier:
                    continue
                whole = self._is_known(modifier, 4)
                candidate: tuple[str, ...] | None = None
                if whole is not None:
                    candidate = (whole, head)
                elif depth < 2 and len(modifier) >= 8:
                    inner = self._split(modifier, depth + 1)
                    if inner:
                        candidate = (*inner, head)
                if candidate and (best is None or len(candidate) < len(best)):
                    best = candidate
            if best is not None and len(best) == 2:
                return best
        return best


def strip_personal(text: str, names: Iterable[str] = (), keep_streets: bool = False) -> str:
    """`text` without e-mail addresses, links, postcodes, numbers, the given names and
    capitalised words that look like names (after a title or mid-sentence); street names are
    kept only with `keep_streets` (never the house number)."""
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _POSTCODE.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    text = _TITLED.sub(" ", text)
    for name in names:
        for part in name.split():
            if len(part) > 1:
                text = re.sub(rf"\b{re.escape(part)}\b", " ", text, flags=re.I)
    streets: list[str] = []
    if keep_streets:
        def keep(match: re.Match[str]) -> str:
            streets.append(match.group(1))
            return f" \x00{len(streets) - 1}\x00 "

        text = STREET.sub(keep, text)
    else:
        text = STREET.sub(" ", text)
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?\n])\s*", text):
        tokens = sentence.split()
        for n, token in enumerate(tokens):
            bare = token.strip(".,;:!?()\"'")
            if n > 0 and bare[:1].isupper() and not bare.isupper() and "\x00" not in bare:
                continue  # a capitalised word mid-sentence: probably a name
            out.append(token)
    result = " ".join(out)
    if keep_streets:
        result = re.sub(r"\x00(\d+)\x00", lambda m: streets[int(m.group(1))], result)
    return re.sub(r"\s+", " ", result).strip()
