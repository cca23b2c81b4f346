"""Name structure: titles, word splitting, legal forms and place prefixes of organisations.

Everything here works on text already passed through :func:`screening.normalize.text.clean`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA, Indel

from screening.normalize.text import APOSTROPHES, strip_diacritics
from screening.sources._countries import COUNTRY_ROWS
from screening.transliterate.romanization import is_cantonese_syllable, pinyin_readings, segment

#: Titles and honorifics dropped from person names (lower case, without dots).
TITLES: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
        "lady", "hon", "honourable", "honorable", "rev", "reverend", "excellency", "general",
        "gen", "lt", "col", "colonel", "major", "maj", "capt",
        "captain", "admiral", "adm", "brig", "sheikh", "shaykh", "haji", "hajji", "mullah",
        "maulana", "mufti", "imam", "ustad", "qari", "sri", "shri", "don", "dona", "herr",
        "frau", "monsieur", "madame", "mme", "mlle", "senor", "senora", "jr", "sr",
        "先生", "女士", "小姐", "博士", "教授",
    }
)  # fmt: skip

#: Multi-word legal forms, folded to nothing (longest first when matching).
LEGAL_FORM_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(p.split())
            for p in (
                # Written in full: short forms of their words are read in full before
                # phrases are matched (LEGAL_WORD_SHORT_FORMS: ``Co Ltd``, ``Ltd Liability
                # Co.``).
                "company limited", "limited company",
                "limited liability company", "public limited company", "joint stock company",
                "public joint stock company", "closed joint stock company",
                "open joint stock company", "private joint stock company", "holding company",
                "holdings limited", "group company limited", "group limited",
                "group corporation", "group company", "company incorporated",
                "corporation limited", "sdn bhd", "sendirian berhad",
                "private limited", "private limited company", "pty limited",
                "limited partnership", "limited liability partnership",
                "youxian gongsi", "gufen youxian gongsi",
                "youxian zeren gongsi", "jituan youxian gongsi", "jituan gongsi",
                "gongsi", "youxian", "gufen", "jituan", "zeren",
                # Russian legal forms, transliterated (OOO, AO, ZAO, OAO, PAO)
                "obshchestvo s ogranichennoi otvetstvennostyu",
                "obshchestvo s ogranichennoy otvetstvennostyu",
                "obshchestvo s ogranichennoi otvetstvennostiu",
                "aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
                "otkrytoe aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo",
                # Russian state enterprises (FGUP, GUP): on the lists in English.
                "federal state unitary enterprise", "state unitary enterprise",
                # UAE free-zone, Polish, German, Latin American and European forms.
                "fz llc", "sp z oo", "sa de cv",
                "gesellschaft mit beschrankter haftung", "gesellschaft mit beschraenkter haftung",
                "sociedad anonima", "sociedade anonima", "societe anonyme",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: Short forms of the words of legal-form phrases, read in full where phrases are matched:
#: one phrase stands for every mix of short and full words (``Ltd Liability Company``,
#: ``Closed Joint Stock Co.``).
LEGAL_WORD_SHORT_FORMS: dict[str, str] = {
    "co": "company", "ltd": "limited", "corp": "corporation", "inc": "incorporated",
    "pvt": "private", "pte": "private",
}  # fmt: skip
#: Single-word legal forms and organisation words that carry no identity.
LEGAL_FORM_WORDS: frozenset[str] = frozenset(
    {
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation",
        "llc", "plc", "lp", "llp", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv",
        "nv", "oy", "ab", "as", "kk", "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "zao",
        "pao", "fze", "fzco", "fzc", "est", "group", "holding", "holdings", "the",
        "pte", "pty", "bhd", "sdn", "cv", "sl", "kft", "doo", "ltda",
        # Gulf (with limited liability), Dubai free zone, Russian state enterprises,
        # Ukrainian private joint-stock, Indonesian listed, Bulgarian limited, Indian
        # private, joint-stock commercial bank.
        "wll", "dmcc", "fsue", "fgup", "prjsc", "tbk", "eood", "ood", "pvt", "jscb",
    }
)  # fmt: skip
#: Legal forms that open a name and only there (Indonesian ``PT Bank Mandiri``): as
#: another word they may be a name's.
LEADING_LEGAL_FORMS: frozenset[str] = frozenset({"pt"})
#: Legal forms that are Chinese syllables too: folded where they open or end a name not
#: written syllable by syllable (``AO Shvabe`` is a Russian joint-stock company, ``Ling Ao
#: Electronic`` a Chinese brand).
SYLLABLE_LEGAL_FORMS: frozenset[str] = frozenset({"ao"})
#: Legal-form words no person's name holds: a name of unknown type with one of them is an
#: organisation's (``ANHUI LAND GROUP CO LIMITED``). Short forms that are also syllables or
#: name parts (``sa``, ``as``, ``the``) and pinyin forms (``gongsi``) are left out.
COMPANY_WORDS: frozenset[str] = frozenset(
    {
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation",
        "llc", "plc", "llp", "gmbh", "sarl", "srl", "spa", "ooo", "oao", "zao", "pao",
        "pjsc", "ojsc", "cjsc", "jsc", "fze", "fzco", "fzc", "pte", "pty", "bhd", "ltda",
        "group", "holding", "holdings", "wll", "dmcc", "fsue", "fgup", "prjsc", "tbk",
        "eood", "pvt", "jscb",
    }
)  # fmt: skip
#: Words with a common short form, folded to one spelling.
ORG_SYNONYMS: dict[str, str] = {
    "technology": "tech", "technologies": "tech", "technological": "tech",
    "international": "intl", "int": "intl", "industries": "industry", "industrial": "industry",
    "manufacturing": "mfg", "electronics": "electronic", "trading": "trade",
    "shipping": "ship", "science": "sci", "sciences": "sci", "scientific": "sci",
    "engineering": "eng", "institute": "inst", "university": "univ",
    "development": "dev", "services": "service", "systems": "system", "bureau": "bureau",
    "and": "&", "und": "&", "et": "&",
}  # fmt: skip

#: Han legal forms, longest first; stripped from the end (and 集团 anywhere).
HAN_LEGAL_FORMS: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "集团有限公司", "控股有限公司", "有限公司", "集团公司",
    "控股集团", "集团", "公司", "控股",
)  # fmt: skip

#: Chinese provinces, autonomous regions and major cities: pinyin (joined) and Han. A name
#: that starts with one of these may also be written without it (``Hangzhou Hikvision``).
CHINESE_PLACES: dict[str, str] = {
    "beijing": "北京", "shanghai": "上海", "tianjin": "天津", "chongqing": "重庆",
    "hebei": "河北", "shanxi": "山西", "liaoning": "辽宁", "jilin": "吉林",
    "heilongjiang": "黑龙江", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽",
    "fujian": "福建", "jiangxi": "江西", "shandong": "山东", "henan": "河南", "hubei": "湖北",
    "hunan": "湖南", "guangdong": "广东", "hainan": "海南", "sichuan": "四川",
    "guizhou": "贵州", "yunnan": "云南", "shaanxi": "陕西", "gansu": "甘肃", "qinghai": "青海",
    "taiwan": "台湾", "neimenggu": "内蒙古", "guangxi": "广西", "xizang": "西藏",
    "ningxia": "宁夏", "xinjiang": "新疆", "hongkong": "香港", "macau": "澳门",
    "macao": "澳门", "hangzhou": "杭州", "shenzhen": "深圳", "guangzhou": "广州",
    "nanjing": "南京", "wuhan": "武汉", "chengdu": "成都", "xian": "西安", "xiamen": "厦门",
    "suzhou": "苏州", "hefei": "合肥", "dalian": "大连", "qingdao": "青岛",
    "shenyang": "沈阳", "harbin": "哈尔滨", "changsha": "长沙", "zhengzhou": "郑州",
    "jinan": "济南", "kunming": "昆明", "urumqi": "乌鲁木齐", "wulumuqi": "乌鲁木齐",
    "ningbo": "宁波", "wuxi": "无锡", "changzhou": "常州", "fuzhou": "福州",
    "nanchang": "南昌", "taiyuan": "太原", "shijiazhuang": "石家庄", "lanzhou": "兰州",
    "dongguan": "东莞", "foshan": "佛山", "zhuhai": "珠海", "tianjing": "天津",
    "kashgar": "喀什", "kashi": "喀什", "hotan": "和田", "aksu": "阿克苏", "turpan": "吐鲁番",
    "hami": "哈密", "yili": "伊犁", "karamay": "克拉玛依", "china": "中国",
    "zhongguo": "中国",
}  # fmt: skip
#: The one spelling a place takes among an organisation's generic words, whichever of
#: its spellings (or its Han name) a name used: the first listed above (``macao`` →
#: macau, ``zhongguo`` → china).
_PLACE_SPELLING: dict[str, str] = {}
for _spelt, _han in CHINESE_PLACES.items():
    _PLACE_SPELLING.setdefault(_han, _spelt)
#: Han places (with 市, 省 or the autonomous region's full name) and their spelling.
HAN_PLACE_WORDS: dict[str, str] = {
    **{h + suffix: spelt for h, spelt in _PLACE_SPELLING.items() for suffix in ("", "市", "省")},
    "新疆维吾尔自治区": "xinjiang", "广西壮族自治区": "guangxi", "西藏自治区": "xizang",
    "宁夏回族自治区": "ningxia", "内蒙古自治区": "neimenggu",
}  # fmt: skip
HAN_PLACES: tuple[str, ...] = tuple(sorted(HAN_PLACE_WORDS, key=len, reverse=True))

_SYLLABLE_APOSTROPHE = re.compile(f"(?<=[aeiouv])[{APOSTROPHES}](?=[aeiou])")
_HIS_EXCELLENCY = re.compile(r"\bh\.\s?e\.")
_DOTTED_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
#: Spaces and the marks that stand between words: commas, slashes, and quotation marks
#: (``OOO"Gazstroy"`` is two words).
_SPLIT = re.compile(r'[\s,;/"“”„‟«»‹›「」『』]+')
_NON_WORD = re.compile(r"[^\w\-]+", re.UNICODE)
_PAREN = re.compile(r"\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,9}$")


def strip_parentheses(name: str) -> str:
    """``name`` without its parenthesised parts (empty if that is all it is)."""
    return _PAREN.sub(" ", name).strip(" ,;-")


def query_spellings(name: str) -> list[str]:
    """A query as written and, where it has a parenthesised part, without it: list names
    are filed both ways (:func:`expand_parentheses`), and a counterparty file writes
    ``Semiconductor Manufacturing International Corporation (SMIC)`` where the list has
    the name alone. The acronym alone is not a spelling of the query: a list's ``SMIC``
    matches the list's own expansion, not every name that ends in it."""
    if "(" not in name:
        return [name]
    base = strip_parentheses(name)
    return [name, base] if base and base != name else [name]


def expand_parentheses(name: str) -> list[str]:
    """A name with a parenthesised part, as written and without it; an acronym alone too.

    ``Xinjiang Production and Construction Corps (XPCC)`` → the full name, the name without
    ``(XPCC)``, and ``XPCC``.
    """
    found = _PAREN.findall(name)
    if not found:
        return [name]
    out = [name]
    base = strip_parentheses(name)
    if base:
        out.append(base)
    for inner in found:
        inner = inner.strip()
        if (
            _ACRONYM.match(inner.replace(" ", "")) or len(inner.split()) >= 2
        ) and not is_qualifier(inner):
            out.append(inner)
    return list(dict.fromkeys(out))


#: Words of a parenthesised part that says where, or which office, rather than naming
#: anyone: ``(Guangzhou)``, ``(Hong Kong)``, ``(HK)``, ``(Head Office)``, ``(Road)``.
QUALIFIER_WORDS: frozenset[str] = frozenset(
    {
        "hk", "prc", "uk", "usa", "uae", "branch", "branches", "office", "head", "main",
        "registered", "representative", "subsidiary", "zone", "area", "district", "region",
        "province", "city", "county", "town", "road", "street", "avenue", "building",
        "north", "south", "east", "west", "central", "northern", "southern", "eastern",
        "western", "now", "formerly", "former", "previously", "aka", "and", "in", "ftz",
        "sez", "asia", "europe", "africa", "america", "americas", "oceania", "middle",
        "far", "overseas", "international",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(
        word for _, names in COUNTRY_ROWS for name in names for word in split_words(name)
    )


def is_qualifier(text: str) -> bool:
    """Whether a parenthesised part only qualifies the name: every word a place, a
    country, an office or a legal or trade word (``Urumqi, Xinjiang Branch``).

    Such a part is no alias of its own: indexed alone, ``(Guangzhou)`` would make every
    company of that city a list name.
    """
    words = split_words(text)
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i] + words[i + 1] in CHINESE_PLACES:
            i += 2
            continue
        word = words[i]
        if not (
            word in QUALIFIER_WORDS
            or word in GENERIC_ORG_WORDS
            or word in LEGAL_FORM_WORDS
            or word in _country_words()
        ):
            return False
        i += 1
    return bool(words)


def split_words(text: str) -> list[str]:
    """Lower-case words with diacritics removed and apostrophes dropped; hyphens kept.

    Commas and quotation marks separate words (``ZHU, Hailun``, ``OOO"Gazstroy"``); the
    order question is left to the scorer, which tries rotations. Hyphens stay inside a word
    (``Hai-lun``) because they join the syllables of one given name.
    """
    text = strip_diacritics(text).lower()
    # "H.E." (His/Her Excellency) is a title; bare "He" is a common Chinese surname.
    text = _HIS_EXCELLENCY.sub(" ", text)
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    # A pinyin apostrophe between vowels separates syllables (Yue'e = yue-e); elsewhere
    # apostrophes mark Wade-Giles aspiration or English elision and are dropped.
    text = _SYLLABLE_APOSTROPHE.sub("-", text)
    for a in APOSTROPHES:
        text = text.replace(a, "")
    text = text.replace("&", " & ").replace(".", " ")
    words = []
    for raw in _SPLIT.split(text):
        word = _NON_WORD.sub("", raw).strip("-_")
        if word:
            words.append(word)
    return words


#: Titles that follow a name rather than precede it.
POST_NOMINALS: frozenset[str] = frozenset({"jr", "sr", "先生", "女士", "小姐", "博士", "教授"})


def drop_titles(words: list[str], *, surname_first: bool = False) -> list[str]:
    """Remove honorifics before a name (``Dr``, ``H.E.``) and post-nominals after it (``Jr``).

    A title word elsewhere is a name: ``SU, Hon`` is the given name Hon. A leading title that
    is also a Chinese syllable (``Hon``, ``Gen``) is only taken for a title when at least two
    words follow it (``Hon LEE Ka-chiu``, but ``HON Wah``). ``surname_first`` (the name was
    written ``SURNAME, Given`` with a one-word surname) keeps the first word: ``MX, Guang``
    is the surname Mx. The name is kept whole if dropping would leave nothing.
    """
    start = 0
    while not surname_first and start < len(words) and words[start] in TITLES:
        rest = len(words) - start - 1
        if rest < 1 or (rest < 2 and _is_syllable(words[start])):
            break
        start += 1
    end = len(words)
    while end - 1 > start and words[end - 1] in POST_NOMINALS:
        end -= 1
    return words[start:end] or words


def _is_syllable(word: str) -> bool:
    return bool(pinyin_readings(word)) or is_cantonese_syllable(word)


#: The bundled table of English given names (``data/english_given_names.txt``).
ENGLISH_GIVEN_NAMES_FILE = "english_given_names.txt"


@lru_cache(maxsize=1)
def english_given_names() -> frozenset[str]:
    """The English given names Hong Kong people write beside their Chinese names (``Chris``,
    ``Carrie``), lower case: a hand-made table shipped with the package, read once."""
    text = (
        resources.files("screening.normalize")
        .joinpath("data").joinpath(ENGLISH_GIVEN_NAMES_FILE)
        .read_text(encoding="utf-8")
    )
    lines = (line.partition("#")[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def is_english_given_name(word: str) -> bool:
    """``word`` (lower case, as split) is an English given name and not also a Chinese
    syllable: ``chris``, ``teresa``; not ``ben`` or ``kim``, which are Chinese given names
    as often."""
    return word in english_given_names() and not _is_syllable(word)


#: Company words this long, misspelt by one edit, still say a name is a company's: no
#: person's name holds ``Limtied`` or ``Compnay`` (shorter ones do: ``Grout`` is one edit
#: from group).
COMPANY_TYPO_MIN = 7
_LONG_COMPANY_WORDS = tuple(w for w in COMPANY_WORDS if len(w) >= COMPANY_TYPO_MIN)


@lru_cache(maxsize=65_536)
def is_company_word(word: str) -> bool:
    """A legal-form word no person's name holds (:data:`COMPANY_WORDS`), or a long one
    misspelt by one edit."""
    if word in COMPANY_WORDS:
        return True
    return len(word) >= COMPANY_TYPO_MIN - 1 and _within_edits(word, _LONG_COMPANY_WORDS, 1)


def fold_org_words(words: list[str]) -> tuple[list[str], list[str]]:
    """Organisation words with legal forms removed and synonyms folded.

    Returns ``(core words, removed legal-form words)``; the second list feeds explanations.
    """
    removed: list[str] = []
    out: list[str] = []
    flat = [part for w in words for part in _legal_parts(w)]
    phrases = _phrase_spans([LEGAL_WORD_SHORT_FORMS.get(w, w) for w in flat])
    # In a name written syllable by syllable (``Gong Si``), a short syllable at the end is
    # part of the name, not a misspelt legal form (``Si`` is not ``SA``); elsewhere it may
    # be (``Sterling Rossi Shipping ZE``, ``Yixing Technology Po., Ltd.``).
    named = [w for w in flat if w not in LEGAL_FORM_WORDS]
    syllabic = 2 * sum(_is_syllable(w) for w in named) > len(named)
    i = 0
    while i < len(flat):
        if i in phrases:
            removed.extend(flat[i : phrases[i]])
            i = phrases[i]
            continue
        word = flat[i]
        # A misspelt legal form stands among legal forms at the end (``Sea Cargo LLC``:
        # sea, one letter from SA, is followed by a name word).
        trailing = all(w in _LEGAL_VOCABULARY or len(w) == 1 for w in flat[i + 1 :])
        # A lone letter just before a legal form at the end is what is left of one
        # (``C., Ltd.``, ``o., Ltd.``).
        stub = len(word) == 1 and i + 1 < len(flat) and flat[i + 1] in LEGAL_FORM_WORDS
        protected = syllabic and len(word) <= 3 and _is_syllable(word)
        # ... or at the start (:data:`_LEADING_FORMS`).
        near = not protected and (
            _near_legal_form(word) if trailing else not out and _near_legal_form(word, True)
        )
        if (
            word in LEGAL_FORM_WORDS
            or (word in SYLLABLE_LEGAL_FORMS and not protected and (trailing or not out))
            or (word in LEADING_LEGAL_FORMS and not out and i + 1 < len(flat))
            or (trailing and stub)
            or near
            or _near_long_legal_word(word)
        ):
            removed.append(word)
        else:
            out.append(ORG_SYNONYMS.get(word, word))
        i += 1
    if not out:  # a name made only of legal-form words is its own core
        out = [ORG_SYNONYMS.get(w, w) for w in flat]
    return out, removed


def _phrase_spans(full: list[str]) -> dict[int, int]:
    """Where legal-form phrases stand in words read in full, as ``{start: end}``: the
    longest first, so that ``Group Limited Liability Company`` is a group and a limited
    liability company, not a group limited and a stray liability."""
    found = [
        (len(p), i)
        for i, word in enumerate(full)
        for p in _phrases_at(word)
        if _phrase_matches(full[i : i + len(p)], p)
    ]
    taken = [False] * len(full)
    spans: dict[int, int] = {}
    for length, i in sorted(found, key=lambda m: (-m[0], m[1])):
        if not any(taken[i : i + length]):
            taken[i : i + length] = [True] * length
            spans[i] = i + length
    return spans


#: Every word of a legal-form phrase or a legal form of its own, in full and short.
_LEGAL_VOCABULARY: frozenset[str] = frozenset(
    {w for p in LEGAL_FORM_PHRASES for w in p}
    | LEGAL_FORM_WORDS
    | SYLLABLE_LEGAL_FORMS
    | LEADING_LEGAL_FORMS
    | set(LEGAL_WORD_SHORT_FORMS)
)


def _legal_parts(word: str) -> list[str]:
    """A hyphenated word as the words of a legal form where each of its parts is one
    (``joint-stock``: OFAC writes ``JOINT-STOCK COMPANY`` as often as not), else the word
    with its hyphens dropped (``Hai-lun``, ``Coca-Cola``)."""
    if "-" not in word:
        return [word]
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1 and all(p in _LEGAL_VOCABULARY for p in parts):
        return parts
    return [word.replace("-", "")]


#: Legal-form phrases by their first word, longest first: only these are tried at a word.
_PHRASES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(p for p in LEGAL_FORM_PHRASES if p[0] == first)
    for first in {p[0] for p in LEGAL_FORM_PHRASES}
}

#: Words of a legal-form phrase this long may be misspelt by one edit (two from twelve
#: letters): ``Obshchestvo s ogranichennoi otvetstvenonstyu`` is still the Russian form.
PHRASE_TYPO_MIN = 7
#: In a phrase of three words, one shorter word of at least this many letters may be
#: misspelt by one edit too (``Public Joint Jtock Company``, ``Pulic Joint Stock
#: Company``), in a phrase of four two: the other words pin the phrase down, and in the
#: long Russian and Chinese names that carry these forms most of the letters, so most
#: typos, are the form's.
PHRASE_SHORT_TYPO_MIN = 5
#: A single legal-form word this long is one misspelt by one edit wherever it stands
#: (``Aviation Industry Corpoation of China``): no brand is one letter from it.
LEGAL_WORD_TYPO_MIN = 9
_LONG_LEGAL_WORDS = tuple(w for w in LEGAL_FORM_WORDS if len(w) >= LEGAL_WORD_TYPO_MIN)
#: ... and from this many letters by two, where they are not two letters changed in place
#: (``Corpraotion``, ``Cropotration``; but ``Cooperation`` is a word of its own).
LEGAL_WORD_TWO_TYPOS = 10


@lru_cache(maxsize=65_536)
def _phrases_at(word: str) -> tuple[tuple[str, ...], ...]:
    """The legal-form phrases that may start at ``word``: those it begins, and those whose
    first word it misspells."""
    exact = _PHRASES_BY_FIRST.get(word, ())
    if exact or len(word) < PHRASE_SHORT_TYPO_MIN - 1:
        return exact
    return tuple(p for p in LEGAL_FORM_PHRASES if _phrase_typos(word, p[0]) is not None)


def _phrase_typos(word: str, form: str) -> int | None:
    """How a written word stands to a word of a legal-form phrase: ``0`` the same or a
    misspelling of a long word, ``1`` a misspelling of a shorter word, ``2`` a long word
    misspelt once more (see :func:`_phrase_matches`), ``None`` another word."""
    if word == form:
        return 0
    if len(form) >= PHRASE_TYPO_MIN:
        limit = 2 if len(form) >= 12 else 1
        edits = OSA.distance(word, form, score_cutoff=limit + 1)
        if edits <= limit:
            return 0
        # One more typo, as the one misspelling a phrase may carry (``Public Joint Stock
        # Copmay``: two typos in seven letters).
        return 2 if edits == limit + 1 else None
    if len(form) >= PHRASE_SHORT_TYPO_MIN and OSA.distance(word, form, score_cutoff=1) <= 1:
        return 1
    return None


def _phrase_matches(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``phrase``, with the misspellings a phrase may carry: one (a
    shorter word misspelt, or a long one once more) in a phrase of three words or more,
    and in a phrase of four, two shorter words misspelt once each (``Publi Joint Saock
    Company``): two words as written still pin the phrase down."""
    if len(words) != len(phrase):
        return False
    found = []
    for word, form in zip(words, phrase, strict=True):
        typos = _phrase_typos(word, form)
        if typos is None:
            return False
        if typos:
            found.append(typos)
    if not found:
        return True
    if len(found) == 1:
        return len(phrase) >= 3
    return len(phrase) >= 4 and found == [1, 1]


@lru_cache(maxsize=65_536)
def _near_long_legal_word(word: str) -> bool:
    """A word one edit from a legal-form word of :data:`LEGAL_WORD_TYPO_MIN` letters or
    more, or two (:data:`LEGAL_WORD_TWO_TYPOS`) from a longer one.

    Two edits that leave the letters in place both changed (substitutions, a swap) cost
    four letters in and out (Indel): such a pair reaches other words, a letter added or
    lost with one more typo does not."""
    if len(word) < LEGAL_WORD_TYPO_MIN - 1:
        return False
    if _within_edits(word, _LONG_LEGAL_WORDS, 1):
        return True
    return len(word) >= LEGAL_WORD_TWO_TYPOS - 2 and any(
        len(form) >= LEGAL_WORD_TWO_TYPOS
        and OSA.distance(word, form, score_cutoff=2) <= 2
        and Indel.distance(word, form, score_cutoff=3) <= 3
        for form in _LONG_LEGAL_WORDS
    )


#: Russian legal forms in Latin letters (OOO, OAO, ZAO, PAO and the English initials).
_RUSSIAN_FORMS = ("ooo", "oao", "zao", "pao", "ojsc", "pjsc", "cjsc")
#: Legal forms common enough at the end of a name that a misspelling of them is still one.
_TRAILING_FORMS = ("co", "ltd", "limited", "company", "corp", "corporation", "inc", "llc",
                   "gmbh", "group", "holdings", "holding", "fze", "sarl", "plc", "sa", "ag",
                   "bv", "nv", "llp", "srl", "pte", "pty", "bhd", "jsc",
                   *_RUSSIAN_FORMS)  # fmt: skip
#: ... and at the start, forms of four letters or more: the short words that open names
#: are mostly a letter from a short form (``AL Qaeda``, ``CK International``, ``Pavo``
#: for PAO, ``SC (Dalian)`` for JSC).
_LEADING_FORMS = tuple(f for f in _TRAILING_FORMS if len(f) >= 4)


@lru_cache(maxsize=65_536)
def _near_legal_form(word: str, leading: bool = False) -> bool:
    """A word at the end of an organisation name one edit away from a legal form
    (``Ltu``, ``Lth``, ``gCo``, ``Limted``), or with ``leading``, at its start one edit
    from a longer form (``JOSC Gazprom``, ``Holdigs Delta``); two-letter words only by
    substitution."""
    if len(word) > 12 or word in ORG_SYNONYMS:
        return False
    for form in _LEADING_FORMS if leading else _TRAILING_FORMS:
        if abs(len(form) - len(word)) > 1:
            continue
        if form in _RUSSIAN_FORMS and _is_syllable(word):
            # Three letters ending in ao are Chinese syllables (Gao, Tao, Bao) as often as
            # not: only a word that reads as none is a misspelt OAO (``OPO``, ``tOAO``).
            continue
        if (
            (leading or form in _RUSSIAN_FORMS)
            and len(word) == len(form) == 4
            and sorted(word) != sorted(form)
        ):
            # A four-letter acronym opening a name, or one letter from a four-letter
            # Russian form, is a brand's as often as not (``CSSC`` for CJSC, ``(CASC)``):
            # swapped letters only.
            continue
        limit = 1 if len(form) >= 3 or len(word) >= len(form) else 0
        if OSA.distance(word, form, score_cutoff=limit) <= limit:
            return True
    return False


@lru_cache(maxsize=65_536)
def _generic_word(word: str) -> bool:
    """Generic trade or place word, allowing one typo in words of six letters or more (two
    in words of ten or more, or of seven or more that read as no syllables), and a missing
    letter in five-letter words (``Globa``)."""
    if word in GENERIC_ORG_WORDS:
        return True
    if len(word) < 5:
        return False
    return _within_edits(word, *_generic_allowance(word))


def _generic_allowance(word: str) -> tuple[tuple[str, ...], int]:
    """The generic words a word of five letters or more may misspell, and how many edits
    it may be from them: two in long words, and in words of seven letters or more that
    read as no syllables (``Tardang``); a brand that reads as Chinese is only allowed one."""
    limit = 2 if len(word) >= 10 or (len(word) >= 7 and segment(word) is None) else 1
    return (_LONG_GENERIC if len(word) >= 6 else _SIX_LETTER_GENERIC), limit


@lru_cache(maxsize=65_536)
def generic_spelling(word: str, most: int = 2) -> str:
    """The generic word that ``word`` misspells (by at most ``most`` typos), as organisation
    names fold it (``tgchnology`` → tech, ``guanzhou`` → guangzhou), or ``word`` itself: a
    misspelt trade word must compare with the trade word, not with the letters of its
    folded short form."""
    if word in GENERIC_ORG_WORDS or not _generic_word(word):
        return word
    known, limit = _generic_allowance(word)
    limit = min(limit, most)
    distance, nearest = min(
        (
            (OSA.distance(word, other, score_cutoff=limit), other)
            for other in known
            if abs(len(other) - len(word)) <= limit
        ),
        default=(limit + 1, word),
    )
    if distance > limit:
        return word
    return ORG_SYNONYMS.get(nearest, nearest)


def _within_edits(word: str, known: Iterable[str], limit: int) -> bool:
    """Whether ``word`` is at most ``limit`` edits (OSA) from one of ``known``."""
    return any(
        abs(len(other) - len(word)) <= limit
        and OSA.distance(word, other, score_cutoff=limit) <= limit
        for other in known
    )


def strip_han_legal_forms(han: str) -> tuple[str, list[str]]:
    """Han organisation name without legal forms at the end (``有限公司``) and ``集团``."""
    removed: list[str] = []
    changed = True
    while changed:
        changed = False
        for form in HAN_LEGAL_FORMS:
            if han.endswith(form) and len(han) > len(form):
                han = han[: -len(form)]
                removed.append(form)
                changed = True
                break
    return han, removed


def strip_han_place(han: str) -> str | None:
    """The Han name without a leading province or city, or ``None`` if it has none."""
    for place in HAN_PLACES:
        if han.startswith(place) and len(han) - len(place) >= 2:
            return han[len(place) :]
    return None


def leading_place(words: list[str]) -> int:
    """How many leading words name a Chinese place (0, 1 or 2: ``hong kong``)."""
    if len(words) >= 3 and (words[0] + words[1]) in CHINESE_PLACES:
        return 2
    if len(words) >= 2 and words[0] in CHINESE_PLACES:
        return 1
    return 0


#: Words that say what a company does or where, not who it is. They still count when
#: comparing organisation names, but far less than the distinctive words (the brand).
GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    {
        "tech", "electronic", "information", "info", "network", "networks", "trade",
        "machinery", "industry", "sci", "dev", "service", "system", "ship", "logistics",
        "energy", "resources", "capital", "marine", "intl", "digital", "software",
        "communication", "communications", "equipment", "import", "export", "investment",
        "investments", "construction", "eng", "material", "materials", "chemical",
        "chemicals", "pharmaceutical", "pharmaceuticals", "medical", "biotech", "&", "of",
        "for", "new", "global", "research", "inst", "univ", "intelligent", "intelligence",
        "precision", "optical", "optics", "power", "petroleum", "oil", "gas", "mining",
        "metal", "metals", "steel", "automation", "control", "semiconductor", "micro",
        "microelectronics", "photoelectric", "optoelectric", "optoelectronic", "optoelectronics",
        "instruments", "instrument", "products", "telecom", "telecommunication",
        "telecommunications",
        "product", "enterprise", "enterprises", "factory", "center", "centre", "bank",
        "commercial", "china", "chinese", "shipbuilding", "aerospace",
        "aviation", "defense", "defence", "import-export", "transport", "transportation",
        "keji", "jishu", "dianzi", "xinxi", "wangluo", "maoyi", "jixie", "shiye", "kaifa",
        "touzi", "guoji", "shuzi", "zhineng", "ruanjian", "tongxin", "gongcheng", "shebei",
        "cailiao", "huagong", "yiyao", "shengwu", "jinchukou", "fazhan", "wuliu", "nengyuan",
        "ziyuan", "kexue", "yanjiusuo", "zhongguo", "ventures", "venture", "partners",
        "solutions", "consulting", "management", "associates", "supply", "supplies",
        "traders", "agency", "media", "general", "united", "overseas", "worldwide",
        *CHINESE_PLACES,
    }
)  # fmt: skip
_LONG_GENERIC: tuple[str, ...] = tuple(
    sorted(w for w in GENERIC_ORG_WORDS | set(ORG_SYNONYMS) if len(w) >= 5)
)
#: A five-letter word is only a misspelt generic word one letter short of six (``Globa``,
#: ``Enrgy``): five-letter generic words are too close to too many brands.
_SIX_LETTER_GENERIC: tuple[str, ...] = tuple(w for w in _LONG_GENERIC if len(w) == 6)
#: Han trade words, stripped from the end of a Han organisation name, with the words a
#: romanized name of the same company uses for them (as folded by :data:`ORG_SYNONYMS`):
#: 浙江大华技术 and Zhejiang Dahua Technology, 华信船务(香港) and Huaxin Shipping Hongkong
#: then share their trade words, whichever script each side is written in.
HAN_TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "信息技术": ("information", "tech"), "网络科技": ("network", "tech"), "科技": ("tech",),
    "技术": ("tech",), "电子": ("electronic",), "信息": ("information",),
    "网络": ("network",), "贸易": ("trade",), "商贸": ("trade",), "机械": ("machinery",),
    "数字": ("digital",), "智能": ("intelligent",), "软件": ("software",),
    "通信": ("communication",), "通讯": ("communication",), "实业": ("industry",),
    "工业": ("industry",), "发展": ("dev",), "开发": ("dev",), "投资": ("investment",),
    "国际": ("intl",), "工程": ("eng",), "设备": ("equipment",), "材料": ("material",),
    "化工": ("chemical",), "医药": ("pharmaceutical",), "生物": ("biotech",),
    "进出口": ("import", "export"), "物流": ("logistics",), "能源": ("energy",),
    "资源": ("resources",), "光电": ("optoelectronic",), "精密": ("precision",),
    "仪器": ("instrument",), "研究所": ("research", "inst"), "研究院": ("research", "inst"),
    "电器": ("electric",), "制造": ("mfg",), "船务": ("ship",), "航运": ("ship",),
    "海运": ("ship",), "运输": ("transport",), "石油": ("petroleum",), "矿业": ("mining",),
    "钢铁": ("steel",), "金属": ("metal",), "航空": ("aviation",), "航天": ("aerospace",),
    "船舶": ("shipbuilding",), "半导体": ("semiconductor",), "微电子": ("microelectronics",),
    "自动化": ("automation",), "控制": ("control",), "系统": ("system",),
    "服务": ("service",), "咨询": ("consulting",), "管理": ("management",),
    "科学": ("sci",), "银行": ("bank",), "国防": ("defense",),
}  # fmt: skip
#: The same trade words in Hanyu Pinyin, as a romanized Chinese name may write them
#: (``Haikang Weishi Shuzi Jishu``).
PINYIN_TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "keji": ("tech",), "jishu": ("tech",), "dianzi": ("electronic",),
    "xinxi": ("information",), "wangluo": ("network",), "maoyi": ("trade",),
    "jixie": ("machinery",), "shiye": ("industry",), "kaifa": ("dev",),
    "touzi": ("investment",), "guoji": ("intl",), "shuzi": ("digital",),
    "zhineng": ("intelligent",), "ruanjian": ("software",), "tongxin": ("communication",),
    "gongcheng": ("eng",), "shebei": ("equipment",), "cailiao": ("material",),
    "huagong": ("chemical",), "yiyao": ("pharmaceutical",), "shengwu": ("biotech",),
    "jinchukou": ("import", "export"), "fazhan": ("dev",), "wuliu": ("logistics",),
    "nengyuan": ("energy",), "ziyuan": ("resources",), "kexue": ("sci",),
    "yanjiusuo": ("research", "inst"),
}  # fmt: skip
HAN_GENERIC_TERMS: tuple[str, ...] = tuple(sorted(HAN_TRADE_WORDS, key=len, reverse=True))
#: Pinyin legal forms as one joined string (``You Xian Gong Si`` → ``youxiangongsi``).
PINYIN_LEGAL_JOINED: frozenset[str] = frozenset(
    {
        "youxiangongsi", "gufenyouxiangongsi", "youxianzerengongsi", "jituanyouxiangongsi",
        "jituangongsi", "gongsi", "jituan", "youxian", "gufen", "konggu", "zongbu",
        "kongguyouxiangongsi", "kongguJituan",
    }
)  # fmt: skip


def strip_joined_legal(words: list[str]) -> list[str]:
    """Drop trailing words that together spell a pinyin legal form (``you xian gong si``)."""
    changed = True
    while changed and words:
        changed = False
        for k in range(min(6, len(words)), 0, -1):
            if "".join(words[-k:]) in PINYIN_LEGAL_JOINED and len(words) > k:
                words = words[:-k]
                changed = True
                break
    return words


@lru_cache(maxsize=65_536)
def near_place(word: str) -> bool:
    """A Chinese place name, or a word of six letters or more one edit from one
    (``Guanzhou``, ``Xinjiatng``, ``Bkeijing``); two edits from eight letters where the
    word reads as no syllables (``Shsnhgai``; ``Zhongxing`` reads, and is not Chongqing)."""
    if word in CHINESE_PLACES:
        return True
    if len(word) < 6:
        return False
    limit = 2 if len(word) >= 8 and segment(word) is None else 1
    return _within_edits(word, CHINESE_PLACES, limit)


def split_generic(words: list[str]) -> tuple[list[str], list[str]]:
    """``(distinctive, generic)`` words of an organisation name.

    Adjacent single syllables that spell a generic word together (``ke ji``) count as one.
    """
    distinctive: list[str] = []
    generic: list[str] = []
    fuzzy: list[str] = []
    i = 0
    while i < len(words):
        for k in (3, 2):
            if i + k <= len(words) and "".join(words[i : i + k]) in GENERIC_ORG_WORDS:
                generic.append("".join(words[i : i + k]))
                i += k
                break
        else:
            word = words[i]
            if word in GENERIC_ORG_WORDS:
                generic.append(word)
            elif _generic_word(word) or (i == 0 and len(words) > 1 and near_place(word)):
                fuzzy.append(word)
            else:
                distinctive.append(word)
            i += 1
    if not any(len(w) > 1 for w in distinctive):
        # Words only near a generic word are the brand when nothing else is: ``Siyuan`` is
        # one letter from ``ziyuan`` (resources) but the name of Xinjiang Siyuan Information.
        # Not a first word near a place (``Guanzhou``, ``Bkeijing``) while another could be
        # the brand: it is that place misspelt; and of several, those that read as Chinese
        # syllables are the brand, the others misspelt trade words (``Tangxin Tecnhology``).
        place = words[0] if words and words[0] in fuzzy and near_place(words[0]) else ""
        others = [w for w in fuzzy if w != place]
        brand = [w for w in others if segment(w) is not None] or [
            # two typos from a trade word: rather a misspelt brand (``Weniyuan``)
            w for w in others if generic_spelling(w, 1) == w
        ]
        if not brand and place and segment(place) is not None:
            brand = [place]  # nothing else: ``Zhihai`` (one letter from Zhuhai) is the brand
        if not brand:
            # Trade words and places only, some misspelt (``Beijing Institute of
            # Tgchnology``): the whole name is the brand, as for the name spelt right.
            return [generic_spelling(w) if w in fuzzy else w for w in words], []
        fuzzy = [w for w in fuzzy if w not in brand]
        distinctive = [w for w in words if w in brand or w in distinctive]
    if not distinctive:
        return words, []
    return distinctive, generic + [generic_spelling(w) for w in fuzzy]


#: What may stand at the end of a Han organisation name after its brand: trade words
#: and places (``华信船务(香港)``), longest first.
_HAN_SUFFIXES: tuple[str, ...] = tuple(
    sorted({*HAN_TRADE_WORDS, *HAN_PLACE_WORDS}, key=len, reverse=True)
)


def split_han_org(han: str) -> tuple[str, tuple[str, ...]]:
    """``(distinctive, generic words)`` of a Han organisation core.

    A leading place and the trade words and places at the end go; the generic words are
    spelt as a romanized name spells them (杭州 ``hangzhou``, 技术 ``tech``), in the order
    of the name, so a Han name and an English one of the same company share them. At least
    two characters stay.
    """
    head: list[str] = []
    tail: list[str] = []
    place = strip_han_place(han)
    if place is not None:
        head.append(HAN_PLACE_WORDS[han[: len(han) - len(place)]])
        han = place
    changed = True
    while changed:
        changed = False
        for term in _HAN_SUFFIXES:
            if han.endswith(term) and len(han) - len(term) >= 2:
                han = han[: -len(term)]
                trade = HAN_TRADE_WORDS.get(term)
                tail[:0] = trade if trade is not None else (HAN_PLACE_WORDS[term],)
                changed = True
                break
    return han, (*head, *tail)


def han_generic_words(han: str) -> list[str] | None:
    """A Han organisation core made only of places and trade words, as the words a
    romanized name spells them with (中国电子科技 → china electronic tech); ``None`` when
    any character is neither. Such a name has no brand but the whole of it, in either
    script."""
    words: list[str] = []
    i = 0
    while i < len(han):
        term = next((t for t in _HAN_SUFFIXES if han.startswith(t, i)), None)
        if term is None:
            return None
        trade = HAN_TRADE_WORDS.get(term)
        words.extend(trade if trade is not None else (HAN_PLACE_WORDS[term],))
        i += len(term)
    return words


def canonical_generic(word: str) -> tuple[str, ...]:
    """A generic word of a romanized name as :func:`split_han_org` spells it: pinyin trade
    words in English (``jishu`` → tech), places in their one spelling (``macao`` →
    macau)."""
    trade = PINYIN_TRADE_WORDS.get(word)
    if trade is not None:
        return trade
    han = CHINESE_PLACES.get(word)
    return (_PLACE_SPELLING[han],) if han is not None else (word,)
