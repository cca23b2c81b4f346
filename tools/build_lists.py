"""Generate the bundled list files in ``lists/`` from the 2022-05-05 reference snapshot.

Usage::

    python tools/build_lists.py [--snapshot CSV] [--ofac-sdn-csv SDN_CSV] [--out DIR]

The snapshot (``../shared/reference/china_related_designations_2022-05-05.csv``) holds one row
per name; rows sharing ``(sanction_list, list_internal_id)`` are one listed entity. This script
groups them, cleans the snapshot's known quirks, and writes one TOML file per list. Output is
deterministic: the same inputs always give byte-identical files, which a test checks.

Facts the snapshot lacks are only added where the project is sure of them, and each such fact
names where it comes from (see ``ISSUE_FACTS`` and the ``*_note`` fields). The hand-written
files (``ca_sema.toml``, ``cn_mfa_countersanctions.toml``) are not touched here.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_NAME = "china_related_designations_2022-05-05.csv"
DEFAULT_SNAPSHOT = ROOT.parent / "shared" / "reference" / SNAPSHOT_NAME
DEFAULT_OFAC_SDN_CSV = ROOT.parent / "shared" / "fixtures" / "official" / "ofac_sdn_csv" / "sdn.csv"
AS_OF = "2022-05-05"

OFAC = "US Treasury OFAC"
BIS = "US Commerce BIS"


@dataclass(frozen=True)
class ListSpec:
    """How one snapshot list becomes one bundled file."""

    key: str  # snapshot ``sanction_list`` value
    file: str
    name: str
    authority: str
    list_name: str
    id_prefix: str
    description: str
    notes: tuple[str, ...] = ()


_SNAPSHOT_DATES_NOTE = (
    "listed_on is the date the snapshot gives for the entry (the date of the act or notice "
    "behind the entry as the list publishes it); for an entry amended later it can be the "
    "amendment's date rather than the first listing."
)
_NO_DATES_NOTE = (
    "The snapshot gives no listing date for this list; listed_on is set only where a note on "
    "the designation says where the date comes from, and is empty otherwise."
)
_OFAC_DOB_NOTE = (
    "Dates of birth: the snapshot writes OFAC's month-only dates ('DOB Jan 1958') as the first "
    "of the month; they are given here as YYYY-MM unless the OFAC SDN CSV sample gives the day."
)
_EMPTY_DATE_NOTE = (
    "An empty listed_on means the snapshot gives no listing date for the entry and the project "
    "does not know it for certain; the entry was on the list on the as-of date."
)
_PUBLISHER_NOTE = (
    "authority names the body that publishes the list; some entries on it are designated by "
    "another body of the same government (e.g. the Secretary of State for some SDN entries)."
)
_BIS_SCHEMA_NOTE = (
    "The BIS lists do not say whether an entry is a person or an organisation: entries are "
    "LegalEntity, which screens against both."
)

SPECS: tuple[ListSpec, ...] = (
    ListSpec(
        key="Specially Designated Nationals (SDN) - Treasury Department",
        file="us_ofac_sdn.toml",
        name="US OFAC Specially Designated Nationals List (China-related entries)",
        authority=OFAC,
        list_name="SDN",
        id_prefix="ofac-sdn-",
        description="OFAC SDN entries with a link to China, Hong Kong, Macau or Xinjiang.",
        notes=(_NO_DATES_NOTE, _OFAC_DOB_NOTE, _PUBLISHER_NOTE),
    ),
    ListSpec(
        key=(
            "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC)"
            " - Treasury Department"
        ),
        file="us_ofac_non_sdn_cmic.toml",
        name="US OFAC Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
        authority=OFAC,
        list_name="NS-CMIC",
        id_prefix="ofac-cmic-",
        description="Treasury's CMIC list under E.O. 13959 as amended by E.O. 14032.",
        notes=(
            "listed_on is the 'Listing Date (CMIC)' OFAC publishes in each entry's identifiers.",
        ),
    ),
    ListSpec(
        key="Capta List (CAP) - Treasury Department",
        file="us_ofac_capta.toml",
        name="US OFAC CAPTA List (China-related entries)",
        authority=OFAC,
        list_name="CAPTA",
        id_prefix="ofac-capta-",
        description="Foreign financial institutions subject to correspondent or payable-through "
        "account sanctions, China-related entries.",
        notes=(_NO_DATES_NOTE,),
    ),
    ListSpec(
        key="Sectoral Sanctions Identifications List (SSI) - Treasury Department",
        file="us_ofac_ssi.toml",
        name="US OFAC Sectoral Sanctions Identifications List (China-related entries)",
        authority=OFAC,
        list_name="SSI",
        id_prefix="ofac-ssi-",
        description="SSI entries with a link to China or Hong Kong.",
        notes=(_NO_DATES_NOTE,),
    ),
    ListSpec(
        key="Entity List (EL) - Bureau of Industry and Security",
        file="us_bis_entity_list.toml",
        name="US BIS Entity List (China-related entries)",
        authority=BIS,
        list_name="Entity List",
        id_prefix="bis-el-",
        description="Entity List entries with an address in China, Hong Kong or Macau, or "
        "another China link.",
        notes=(_SNAPSHOT_DATES_NOTE, _BIS_SCHEMA_NOTE),
    ),
    ListSpec(
        key="Military End User (MEU) List - Bureau of Industry and Security",
        file="us_bis_meu.toml",
        name="US BIS Military End-User List (China-related entries)",
        authority=BIS,
        list_name="MEU List",
        id_prefix="bis-meu-",
        description="Military End-User List entries with a China link.",
        notes=(_SNAPSHOT_DATES_NOTE, _BIS_SCHEMA_NOTE),
    ),
    ListSpec(
        key="Unverified List (UVL) - Bureau of Industry and Security",
        file="us_bis_unverified.toml",
        name="US BIS Unverified List (China-related entries)",
        authority=BIS,
        list_name="Unverified List",
        id_prefix="bis-uvl-",
        description="Unverified List entries with a China link.",
        notes=(_NO_DATES_NOTE, _BIS_SCHEMA_NOTE),
    ),
    ListSpec(
        key="Denied Persons List (DPL) - Bureau of Industry and Security",
        file="us_bis_dpl.toml",
        name="US BIS Denied Persons List (China-related entries)",
        authority=BIS,
        list_name="Denied Persons List",
        id_prefix="bis-dpl-",
        description="Denied Persons List entries with an address in China or Hong Kong.",
        notes=(_SNAPSHOT_DATES_NOTE, _BIS_SCHEMA_NOTE),
    ),
    ListSpec(
        key="EU",
        file="eu_fsf.toml",
        name="EU Consolidated Financial Sanctions List (China-related entries)",
        authority="European Union (Council of the EU)",
        list_name="EU FSF",
        id_prefix="eu-",
        description="EU consolidated list (Financial Sanctions Files) entries with a China link.",
        notes=(_SNAPSHOT_DATES_NOTE,),
    ),
    ListSpec(
        key="UK Cons",
        file="uk_consolidated.toml",
        name="UK OFSI Consolidated List (China-related entries)",
        authority="United Kingdom (HM Treasury OFSI)",
        list_name="UK Consolidated List",
        id_prefix="uk-",
        description="UK consolidated list of financial sanctions targets, China-related entries.",
        notes=("listed_on is the 'Listed On' date of the UK consolidated list.", _PUBLISHER_NOTE),
    ),
)

# -- legal acts ----------------------------------------------------------------------------

#: OFAC programme tags whose legal basis is certain. Other tags keep the programme name only.
OFAC_PROGRAMS: dict[str, str] = {
    "GLOMAG": "E.O. 13818",
    "HK-EO13936": "E.O. 13936",
    "CMIC-EO13959": "E.O. 13959 as amended by E.O. 14032",
    "SDGT": "E.O. 13224",
    "NPWMD": "E.O. 13382",
    "SDNTK": "Foreign Narcotics Kingpin Designation Act",
    "TCO": "E.O. 13581",
    "IFSR": "Iranian Financial Sanctions Regulations, 31 CFR Part 561",
    "561-Related": "Iranian Financial Sanctions Regulations, 31 CFR Part 561",
    "IFCA": "Iran Freedom and Counter-Proliferation Act of 2012",
    "IRAN-EO13846": "E.O. 13846",
    "IRAN-EO13871": "E.O. 13871",
    "DPRK2": "E.O. 13687",
    "DPRK3": "E.O. 13722",
    "DPRK4": "E.O. 13810",
    "DPRK-NKSPEA": "North Korea Sanctions and Policy Enhancement Act of 2016",
    "CYBER2": "E.O. 13694 as amended by E.O. 13757",
    "ELECTION-EO13848": "E.O. 13848",
    "UKRAINE-EO13661": "E.O. 13661",
    "UKRAINE-EO13662": "E.O. 13662",
    "RUSSIA-EO14024": "E.O. 14024",
    "VENEZUELA-EO13850": "E.O. 13850",
    "ILLICIT-DRUGS-EO": "E.O. 14059",
    "CAATSA - RUSSIA": "Countering America's Adversaries Through Sanctions Act (CAATSA)",
    "BELARUS": "E.O. 13405",
}

EU_REGIMES: dict[str, tuple[str, str]] = {
    "HR": ("EU Global Human Rights Sanctions Regime", "Council Regulation (EU) 2020/1998"),
    "PRK": ("DPRK (North Korea)", "Council Regulation (EU) 2017/1509"),
    "TAQA": ("ISIL (Da'esh) and Al-Qaida", "Council Regulation (EC) No 881/2002"),
    "UKR": ("Ukraine territorial integrity", "Council Regulation (EU) No 269/2014"),
    "CYB": ("Cyber-attacks", "Council Regulation (EU) 2019/796"),
    "SYR": ("Syria", "Council Regulation (EU) No 36/2012"),
}

UK_REGIMES: dict[str, str] = {
    "Global Human Rights": "The Global Human Rights Sanctions Regulations 2020",
    "Democratic People's Republic of Korea": (
        "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"
    ),
    "ISIL (Da'esh) and Al-Qaida": (
        "The ISIL (Da'esh) and Al-Qaida (United Nations Sanctions) (EU Exit) Regulations 2019"
    ),
    "Russia": "The Russia (Sanctions) (EU Exit) Regulations 2019",
    "Cyber": "The Cyber (Sanctions) (EU Exit) Regulations 2020",
}

BIS_LEGAL_BASIS: dict[str, str] = {
    "Entity List": "Export Administration Regulations, 15 CFR Part 744, Supplement No. 4 "
    "(Entity List)",
    "MEU List": "Export Administration Regulations, 15 CFR Part 744, Supplement No. 7 "
    "(Military End-User List)",
    "Unverified List": "Export Administration Regulations, 15 CFR Part 744, Supplement No. 6 "
    "(Unverified List)",
    "Denied Persons List": "BIS denial order under the Export Administration Regulations "
    "(Denied Persons List)",
}

# -- facts the snapshot lacks, stated in the issue --------------------------------------------

ISSUE_NOTE = "date stated in issue 3 (Treasury's Xinjiang GLOMAG actions); not in the snapshot"

#: OFAC SDN entries whose listing date issue 3 states: 9 July 2020, 31 July 2020, 22 March 2021.
ISSUE_FACTS: dict[str, str] = {
    "29220": "2020-07-09",  # CHEN, Quanguo
    "29219": "2020-07-09",  # ZHU, Hailun
    "29162": "2020-07-09",  # WANG, Mingshan
    "29160": "2020-07-09",  # HUO, Liujun
    "29159": "2020-07-09",  # XINJIANG PUBLIC SECURITY BUREAU
    "29299": "2020-07-31",  # XINJIANG PRODUCTION AND CONSTRUCTION CORPS
    "29300": "2020-07-31",  # SUN, Jinlong
    "29319": "2020-07-31",  # PENG, Jiarui
    "31492": "2021-03-22",  # WANG, Junzheng
    "31493": "2021-03-22",  # CHEN, Mingguo
}

EU_XINJIANG_2021 = {"EU.6251.70", "EU.6252.69", "EU.6253.68", "EU.6254.67", "EU.6262.38"}
EU_2021_478 = "Council Implementing Regulation (EU) 2021/478 of 22 March 2021"
EU_ZHU_NOTE = (
    "The snapshot gives 2021-12-07 for this entry; he was listed on 22 March 2021 by Council "
    "Implementing Regulation (EU) 2021/478 (issue 3; the UK list gives 22/03/2021 for the same "
    "coordinated listing). The later date is that of a later version of the entry."
)
#: The EU gives the Xinjiang PSB's name in every EU language with no order; use the English one.
EU_PRIMARY = {"EU.6262.38": "Xinjiang Production and Construction Corps Public Security Bureau"}

FR_2019_54002 = "84 FR 54002 (9 October 2019), addition of 28 entities to the Entity List"
#: The 28 entities of 84 FR 54002, by their name in the snapshot (any of the entity's names).
BIS_OCT_2019: tuple[str, ...] = (
    "Xinjiang Uighur Autonomous Region (XUAR) People's Government Public Security Bureau",
    "Aksu District Public Security Bureau",
    "Altay Municipality Public Security Bureau",
    "Bayingolin Mongolian Autonomous Prefecture Public Security Bureau",
    "Bortala Mongolian Autonomous Prefecture Public Security Bureau",
    "Changji Hui Autonomous Prefecture Public Security Bureau",
    "Hami Municipality Public Security Bureau",
    "Hotan Prefecture Public Security Bureau",
    "Ili Kazakh Autonomous Prefecture Public Security Bureau",
    "Karamay Municipality Public Security Bureau",
    "Kashgar Prefecture Public Security Bureau",
    "Kezilesu Kyrgyz Autonomous Prefecture Public Security Bureau",
    "Shihezi Municipality Public Security Bureau",
    "Tacheng Prefecture Public Security Bureau",
    "Tumushuke Municipal Public Security Bureau",
    "Turpan Municipality Public Security Bureau",
    "Urumqi Municipal Public Security Bureau",
    "Wujiaqu Municipality Public Security Bureau",
    "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau",
    "Xinjiang Police College",
    "Dahua Technology",
    "Hangzhou Hikvision Digital Technology Co., Ltd.",
    "IFLYTEK",
    "Megvii Technology",
    "Beijing Sensetime Technology Development Co., Ltd.",
    "Xiamen Meiya Pico Information Co. Ltd.",
    "Yitu Technologies",
    "Yixin Science and Technology Co. Ltd.",
)

REGISTERED_NAME_NOTE = "registered company name, as published by the company"
#: Registered Chinese names of Oct-2019 companies, added only where certain.
BIS_HAN_ALIASES: dict[str, str] = {
    "Hangzhou Hikvision Digital Technology Co., Ltd.": "杭州海康威视数字技术股份有限公司",
    "Dahua Technology": "浙江大华技术股份有限公司",
    "IFLYTEK": "科大讯飞股份有限公司",
    "Megvii Technology": "北京旷视科技有限公司",
}

# -- cleaning ------------------------------------------------------------------------------

_ABBREV_END = re.compile(r"(?:\b(?:Co|Ltd|Inc|Corp|Bros|Jr|No)\.)$", re.IGNORECASE)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

COUNTRY_NAMES: dict[str, str] = {
    "china": "cn",
    "prc": "cn",
    "hong kong": "hk",
    "north korea": "kp",
    "ukraine": "ua",
    "afghanistan": "af",
    "pakistan": "pk",
    "malaysia": "my",
    "singapore": "sg",
    "russia": "ru",
    "russian federation": "ru",
    "virgin islands (british)": "vg",
    "marshall islands": "mh",
}
_UNKNOWN_COUNTRIES = {"", "unknown"}


def clean_name(raw: str) -> str:
    """Undo the snapshot's quirks: split-off ``and `` prefixes, stray spaces, ``?`` for ``'``."""
    name = " ".join(raw.replace("?", "'").split())
    if name.lower().startswith("and "):
        name = name[4:].strip()
        if name.endswith(".") and not _ABBREV_END.search(name):
            name = name[:-1].rstrip()
    if name.lower() == "and" or (name.startswith("(") and name.endswith(")")):
        return ""  # a fragment of the a.k.a. field, or an editorial remark: no name
    return name


def split_joined(name: str) -> list[str]:
    """Split ``"X Co., Ltd., and Sense Time"``: two aliases the snapshot left in one row."""
    if ", and " in name:
        head, tail = name.split(", and ", 1)
        return [head.strip(), tail.strip()]
    return [name]


def parse_dob(raw: str) -> str:
    """A snapshot DOB in any of its forms as an ISO (partial) date; ``""`` if there is none."""
    value = raw.strip()
    if not value:
        return ""
    if re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", value):
        return value
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", value)  # month/year (EU)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)  # day/month/year, 00 = unknown
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if month == 0:
            return year
        if day == 0:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{day:02d}"
    raise ValueError(f"unrecognised date of birth {raw!r}")


def parse_dmy(raw: str) -> str:
    """``22/03/2021`` (UK) or ISO as ISO."""
    value = raw.strip()
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", value)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"unrecognised date {raw!r}")
    return value


def country_code(raw: str) -> str:
    """ISO alpha-2 for a country as the snapshot writes it (code or English name)."""
    value = raw.strip()
    if re.fullmatch(r"[A-Z]{2}", value):
        return value.lower()
    folded = value.lower()
    if folded in _UNKNOWN_COUNTRIES:
        return ""
    if folded in COUNTRY_NAMES:
        return COUNTRY_NAMES[folded]
    raise ValueError(f"unknown country {raw!r}: add it to COUNTRY_NAMES")


def address_countries(address: str) -> list[str]:
    """Countries at the end of each ``; ``-separated address (``..., Urumqi, CN``)."""
    out = []
    for part in address.split(";"):
        tail = part.rsplit(",", 1)[-1].strip()
        if re.fullmatch(r"[A-Z]{2}", tail) or tail == "PRC":
            out.append(country_code(tail))
    return out


_ID_KINDS = {
    "Passport": "passport",
    "National ID No.": "national_id",
    "Identification Number": "id_number",
    "Unified Social Credit Code (USCC)": "uscc",
    "Registration Number": "registration",
    "Registration ID": "registration",
    "Business Registration Number": "business_registration",
    "C.R. No.": "company_registration",
    "Company Number": "company_registration",
    "SWIFT/BIC": "swift_bic",
    "ISIN": "isin",
}
_OFAC_DATE = re.compile(r"(\d{2}) (\w{3}) (\d{4}), Listing Date \(CMIC\)")


def parse_identifiers(personal_id: str) -> list[tuple[str, str, str]]:
    """``(kind, value, country)`` of the identifiers OFAC writes as ``CC, value, Kind``."""
    out: list[tuple[str, str, str]] = []
    for item in personal_id.split(";"):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2 or parts[-1] not in _ID_KINDS:
            continue
        value = parts[-2]
        country = parts[0].lower() if len(parts) > 2 and re.fullmatch(r"[A-Z]{2}", parts[0]) else ""
        out.append((_ID_KINDS[parts[-1]], value, country))
    return out


def cmic_listing_date(personal_id: str) -> str:
    m = _OFAC_DATE.search(personal_id)
    if not m:
        return ""
    return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{m.group(1)}"


def read_ofac_full_dobs(path: Path | None) -> dict[str, set[str]]:
    """Full-day DOBs per OFAC entry number from an SDN CSV sample (``DOB 01 Sep 1963``)."""
    if path is None or not path.exists():
        return {}
    out: dict[str, set[str]] = {}
    with path.open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 12:
                continue
            # A range ("DOB 01 Dec 1952 to 31 Dec 1952") does not give the day.
            for m in re.finditer(r"DOB (\d{2}) (\w{3}) (\d{4})(?! to )", row[11]):
                month = _MONTHS.get(m.group(2).lower())
                if month:
                    iso = f"{m.group(3)}-{month:02d}-{m.group(1)}"
                    out.setdefault(row[0].strip(), set()).add(iso)
    return out


# -- model ---------------------------------------------------------------------------------


@dataclass
class Designation:
    authority: str
    list_name: str
    program: str
    listed_on: str
    legal_basis: str
    note: str = ""


@dataclass
class Record:
    id: str
    schema: str
    names: list[str] = field(default_factory=list)
    alias_notes: dict[str, str] = field(default_factory=dict)
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str, str]] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)


def _add(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)


SCHEMAS = {
    "individual": "Person",
    "person": "Person",
    "entity": "Organization",
    "enterprise": "Organization",
    "": "LegalEntity",
}


def _schema(spec: ListSpec, entity_type: str) -> str:
    if spec.list_name in ("NS-CMIC", "CAPTA", "SSI"):
        return "Company"  # lists of companies and financial institutions by definition
    try:
        return SCHEMAS[entity_type.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown entity_type {entity_type!r}") from None


def _designations(
    spec: ListSpec, internal_id: str, rows: list[dict[str, str]]
) -> list[Designation]:
    first = rows[0]
    regime = first["regime"].strip()
    if spec.authority == OFAC:
        listed_on, note = "", ""
        if spec.list_name == "NS-CMIC":
            listed_on = cmic_listing_date(first["personal_id"])
        elif internal_id in ISSUE_FACTS:
            listed_on, note = ISSUE_FACTS[internal_id], ISSUE_NOTE
        out = []
        for program in [p.strip() for p in regime.split(";") if p.strip()]:
            legal = OFAC_PROGRAMS.get(program, f"OFAC sanctions programme {program}")
            out.append(Designation(OFAC, spec.list_name, program, listed_on, legal, note))
        return out
    if spec.authority == BIS:
        date = first["date_added"].strip()
        legal = BIS_LEGAL_BASIS[spec.list_name]
        program = {
            "Entity List": "Entity List (EAR Part 744)",
            "MEU List": "Military End-User List (EAR Part 744)",
            "Unverified List": "Unverified List (EAR Part 744)",
            "Denied Persons List": "Denied Persons List (EAR)",
        }[spec.list_name]
        return [Designation(BIS, spec.list_name, program, date, legal)]
    if spec.list_name == "EU FSF":
        program, regulation = EU_REGIMES[regime]
        date, note = parse_dmy(first["date_added"]), ""
        legal = regulation
        if internal_id in EU_XINJIANG_2021:
            legal = f"{EU_2021_478}; regime: {regulation}"
            if date != "2021-03-22":
                date, note = "2021-03-22", EU_ZHU_NOTE
        return [Designation(spec.authority, spec.list_name, program, date, legal, note)]
    legal = UK_REGIMES[regime]
    date = parse_dmy(first["date_added"])
    return [Designation(spec.authority, spec.list_name, regime, date, legal)]


def _record_id(spec: ListSpec, internal_id: str) -> str:
    if spec.authority == BIS:
        return spec.id_prefix + internal_id[:12]
    if spec.list_name == "EU FSF":
        return spec.id_prefix + internal_id.removeprefix("EU.")
    return spec.id_prefix + internal_id


def build_records(
    spec: ListSpec, rows: Sequence[dict[str, str]], full_dobs: dict[str, set[str]]
) -> list[Record]:
    """Group the snapshot rows of one list into records."""
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(row["list_internal_id"], []).append(row)
    records: list[Record] = []
    for internal_id, group in groups.items():
        record = Record(
            id=_record_id(spec, internal_id), schema=_schema(spec, group[0]["entity_type"])
        )
        names: list[str] = []
        primary = EU_PRIMARY.get(internal_id, "")
        if spec.list_name == "EU FSF" and not primary:
            # The EU's own primary name is the row that carries the function text.
            with_position = [r for r in group if r["position"].strip()]
            if with_position:
                primary = clean_name(with_position[0]["full_name"])
        _add(names, primary)
        for row in group:
            for name in split_joined(clean_name(row["full_name"])):
                _add(names, name)
            dob = parse_dob(row["DOB"])
            if (
                spec.authority == OFAC
                and re.fullmatch(r"\d{4}-\d{2}-01", dob)
                and dob not in full_dobs.get(internal_id, set())
            ):
                dob = dob[:7]  # month-only in OFAC's own text
            _add(record.birth_dates, dob)
            _add(record.birth_places, " ".join(row["birth_location"].split()))
            for col in ("nationality", "citizenship"):
                for code in row[col].split(";"):
                    _add(record.countries, country_code(code))
            if spec.authority in (OFAC, BIS):
                for code in address_countries(row["address"]):
                    _add(record.countries, code)
            else:
                _add(record.countries, country_code(row["address_country"]))
            _add(record.positions, " ".join(row["position"].split()))
            for ident in parse_identifiers(row["personal_id"]):
                if ident not in record.identifiers:
                    record.identifiers.append(ident)
        if not names:
            raise ValueError(f"{spec.key} {internal_id}: no usable name")
        if spec.list_name == "Entity List":
            for name in names:
                if name in BIS_HAN_ALIASES:
                    han = BIS_HAN_ALIASES[name]
                    names.append(han)
                    record.alias_notes[han] = REGISTERED_NAME_NOTE
                    break
        record.names = names
        record.designations = _designations(spec, internal_id, group)
        if spec.list_name == "Entity List" and any(n in BIS_OCT_2019 for n in names):
            for d in record.designations:
                d.legal_basis = FR_2019_54002
        records.append(record)
    if spec.list_name == "Entity List":
        found = sum(1 for r in records if r.designations[0].legal_basis == FR_2019_54002)
        if found != len(BIS_OCT_2019):
            raise ValueError(f"found {found} of the 28 entities of 84 FR 54002 in the snapshot")
    ids = [r.id for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{spec.key}: record ids are not unique")
    records.sort(key=lambda r: (r.names[0].casefold(), r.id))
    return records


# -- TOML output ---------------------------------------------------------------------------


def toml_str(value: str) -> str:
    """A TOML basic string."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(toml_str(v) for v in values) + "]"


def render(spec: ListSpec, records: list[Record], snapshot_name: str) -> str:
    """The whole TOML file for one list."""
    generated = f"tools/build_lists.py from ../shared/reference/{snapshot_name}"
    source = (
        f"{spec.description} Taken from a combined snapshot of official lists dated {AS_OF} "
        f"({spec.key})."
    )
    lines = [
        f"# Generated by {generated}.",
        "# Do not edit by hand: change the generator and run it again.",
        "",
        "[list]",
        f"name = {toml_str(spec.name)}",
        f"authority = {toml_str(spec.authority)}",
        f"list = {toml_str(spec.list_name)}",
        f"as_of = {toml_str(AS_OF)}",
        f"source = {toml_str(source)}",
        f"generated_by = {toml_str(generated + '; do not edit by hand')}",
        f"notes = {toml_list((*spec.notes, _EMPTY_DATE_NOTE))}",
        f"record_count = {len(records)}",
    ]
    for r in records:
        lines += ["", "[[entity]]", f"id = {toml_str(r.id)}", f"schema = {toml_str(r.schema)}"]
        lines.append(f"names = {toml_list(r.names)}")
        if r.alias_notes:
            notes = ", ".join(f"{toml_str(k)} = {toml_str(v)}" for k, v in r.alias_notes.items())
            lines.append(f"alias_notes = {{ {notes} }}")
        if r.birth_dates:
            lines.append(f"birth_dates = {toml_list(r.birth_dates)}")
        if r.birth_places:
            lines.append(f"birth_places = {toml_list(r.birth_places)}")
        if r.countries:
            lines.append(f"countries = {toml_list(r.countries)}")
        if r.positions:
            lines.append(f"positions = {toml_list(r.positions)}")
        for kind, value, country in r.identifiers:
            lines += [
                "[[entity.identifier]]",
                f"kind = {toml_str(kind)}",
                f"value = {toml_str(value)}",
            ]
            if country:
                lines.append(f"country = {toml_str(country)}")
        for d in r.designations:
            lines += [
                "[[entity.designation]]",
                f"authority = {toml_str(d.authority)}",
                f"list = {toml_str(d.list_name)}",
                f"program = {toml_str(d.program)}",
                f"listed_on = {toml_str(d.listed_on)}",
                f"legal_basis = {toml_str(d.legal_basis)}",
            ]
            if d.note:
                lines.append(f"note = {toml_str(d.note)}")
    return "\n".join(lines) + "\n"


def read_snapshot(path: Path) -> dict[str, list[dict[str, str]]]:
    by_list: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_list.setdefault(row["sanction_list"], []).append(row)
    unknown = set(by_list) - {s.key for s in SPECS}
    if unknown:
        raise ValueError(f"snapshot lists without a ListSpec: {sorted(unknown)}")
    return by_list


def build(snapshot: Path, ofac_sdn_csv: Path | None) -> dict[str, str]:
    """File name -> content of every generated file."""
    by_list = read_snapshot(snapshot)
    full_dobs = read_ofac_full_dobs(ofac_sdn_csv)
    return {
        spec.file: render(spec, build_records(spec, by_list[spec.key], full_dobs), snapshot.name)
        for spec in SPECS
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT)
    parser.add_argument(
        "--ofac-sdn-csv",
        type=Path,
        default=DEFAULT_OFAC_SDN_CSV,
        help="OFAC sdn.csv sample used to tell full-day DOBs from month-only ones",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "lists")
    args = parser.parse_args(argv)
    files = build(args.snapshot, args.ofac_sdn_csv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {args.out / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
