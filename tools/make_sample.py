"""Write ``samples/counterparties.csv``: a realistic counterparty file for the README's demo.

Generated, deterministic (fixed seed): re-running this script reproduces the file byte for
byte. About 3,000 rows of customers and suppliers as a Chinese-facing business holds them:
persons in pinyin (every name order and case), Han (simplified and traditional), Hong Kong
and Taiwanese spellings, Western persons, Chinese and Western companies with legal forms,
names repeated as real files repeat them, and a few true hits: variants of names that are on
the bundled lists (other romanizations, Han script, changed legal forms). The true hits are
listed in ``samples/counterparties_truth.csv`` (row id and the listed name each should meet).

    python tools/make_sample.py
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240505
ROWS = 3_000

#: (pinyin, Han) surnames, most common first.
SURNAMES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
    ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
    ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Hu", "胡"), ("Guo", "郭"), ("He", "何"),
    ("Gao", "高"), ("Lin", "林"), ("Luo", "罗"), ("Zheng", "郑"), ("Liang", "梁"),
    ("Xie", "谢"), ("Song", "宋"), ("Tang", "唐"), ("Han", "韩"), ("Feng", "冯"),
    ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭"), ("Zeng", "曾"), ("Xiao", "肖"),
    ("Tian", "田"), ("Dong", "董"), ("Yuan", "袁"), ("Pan", "潘"), ("Jiang", "蒋"),
    ("Cai", "蔡"), ("Du", "杜"), ("Ye", "叶"), ("Cheng", "程"), ("Su", "苏"), ("Wei", "魏"),
    ("Ding", "丁"), ("Ren", "任"), ("Shen", "沈"), ("Yao", "姚"), ("Lu", "卢"), ("Cui", "崔"),
]  # fmt: skip
#: (pinyin, Han) given-name syllables.
GIVEN = [
    ("wei", "伟"), ("fang", "芳"), ("na", "娜"), ("min", "敏"), ("jing", "静"), ("li", "丽"),
    ("qiang", "强"), ("lei", "磊"), ("jun", "军"), ("yang", "洋"), ("yong", "勇"),
    ("yan", "艳"), ("jie", "杰"), ("juan", "娟"), ("tao", "涛"), ("chao", "超"),
    ("xiu", "秀"), ("xia", "霞"), ("ping", "平"), ("gang", "刚"), ("ying", "英"),
    ("hua", "华"), ("wen", "文"), ("jian", "建"), ("zhi", "志"), ("ling", "玲"),
    ("hong", "红"), ("xiao", "晓"), ("yu", "宇"), ("ting", "婷"), ("xin", "欣"), ("hao", "浩"),
    ("peng", "鹏"), ("fei", "飞"), ("bin", "斌"), ("hui", "辉"), ("bo", "波"), ("ning", "宁"),
    ("xue", "雪"), ("mei", "梅"), ("kai", "凯"), ("feng", "峰"), ("yun", "云"),
    ("chun", "春"), ("dong", "东"), ("liang", "亮"), ("dan", "丹"), ("jia", "佳"),
]  # fmt: skip
#: Hong Kong and Taiwanese names as they appear in passports.
HK_TW = [
    "Chan Tai Man", "Wong Ka Wai", "Cheung Siu Ming", "Lee Chi Keung", "Lau Wing Yan",
    "Ng Kwok Leung", "Leung Mei Ling", "Ho Chun Kit", "Tsang Wai Kuen", "Yip Suet Ying",
    "Lin Chih-hao", "Chen Yi-ting", "Huang Shu-fen", "Chang Chia-hung", "Wu Tsung-han",
    "Tsai Pei-yu", "Hsu Wen-chieh", "Kuo Ya-ting", "Liu Cheng-en", "Yeh Chien-ming",
]  # fmt: skip
WESTERN_FIRST = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Sarah", "Thomas", "Anna", "Peter", "Claire", "Hans", "Julia", "Pierre", "Marie", "Luca",
    "Giulia", "Carlos", "Lucia", "Jan", "Eva", "Olaf", "Ingrid", "Sean", "Aoife", "Rahul",
    "Priya", "Kenji", "Yuki", "Ahmed", "Fatima", "Dmitri", "Olga",
]  # fmt: skip
WESTERN_LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clarke",
    "Müller", "Schneider", "Fischer", "Weber", "Dubois", "Laurent", "Moreau", "Rossi",
    "Bianchi", "García", "Fernández", "López", "Jansen", "de Vries", "Nielsen", "Larsen",
    "O'Brien", "Murphy", "Sharma", "Patel", "Tanaka", "Suzuki", "Haddad", "Novak", "Kowalski",
]  # fmt: skip
PLACES = [
    ("Shenzhen", "深圳"), ("Shanghai", "上海"), ("Guangzhou", "广州"), ("Ningbo", "宁波"),
    ("Suzhou", "苏州"), ("Xiamen", "厦门"), ("Dongguan", "东莞"), ("Foshan", "佛山"),
    ("Qingdao", "青岛"), ("Wenzhou", "温州"), ("Yiwu", "义乌"), ("Changzhou", "常州"),
]  # fmt: skip
STEMS = [
    ("Huaxing", "华星"), ("Xinyuan", "鑫源"), ("Hengda", "恒达"), ("Yongsheng", "永盛"),
    ("Hongtu", "宏图"), ("Jinpeng", "金鹏"), ("Ruifeng", "瑞丰"), ("Tiancheng", "天成"),
    ("Boyuan", "博远"), ("Zhonghong", "中宏"), ("Xinhang", "新航"), ("Mingrui", "明瑞"),
    ("Anke", "安科"), ("Jiahe", "嘉禾"), ("Lianfa", "联发"), ("Baolong", "宝隆"),
]  # fmt: skip
TRADES = [
    ("Electronics", "电子"), ("Trading", "贸易"), ("Industrial", "实业"),
    ("Logistics", "物流"), ("Machinery", "机械"), ("Textile", "纺织"),
    ("Import and Export", "进出口"), ("Packaging", "包装"), ("Furniture", "家具"),
]  # fmt: skip
CN_FORMS = [("Co., Ltd.", "有限公司"), ("Co. Ltd", "有限公司"), ("Limited", "有限公司"),
            ("Group Co., Ltd.", "集团有限公司"), ("Company Limited", "有限责任公司")]
WESTERN_STEMS = [
    "Atlas", "Nordwind", "Bluewater", "Alpina", "Meridian", "Keystone", "Sunrise", "Helvetia",
    "Oakridge", "Riverside", "Continental", "Baltic", "Pioneer", "Summit", "Lakeside",
]  # fmt: skip
WESTERN_TRADES = ["Logistics", "Trading", "Foods", "Textiles", "Components", "Packaging",
                  "Shipping", "Consulting", "Machinery", "Chemicals"]
WESTERN_FORMS = [("GmbH", "de"), ("Ltd", "gb"), ("Inc.", "us"), ("S.A.", "fr"),
                 ("S.r.l.", "it"), ("B.V.", "nl"), ("LLC", "us"), ("AG", "ch"), ("Pty Ltd", "au")]

#: True hits: variants of names on the bundled lists, and the listed name each should meet.
PLANTED: list[tuple[str, str, str, str, str]] = [
    # name, type, birth_date, country, listed name
    ("Chu Hai-lun", "person", "1958-01", "CN", "ZHU Hailun"),
    ("朱海侖", "person", "", "", "ZHU Hailun"),
    ("HAILUN ZHU", "person", "", "CN", "ZHU Hailun"),
    ("Chen Quan-kuo", "person", "", "CN", "CHEN Quanguo"),
    ("陈全国", "person", "", "", "CHEN Quanguo"),
    ("Wang Ming-shan", "person", "1964", "CN", "WANG Mingshan"),
    ("王明山", "person", "", "CN", "WANG Mingshan"),
    ("Hangzhou Hikvision Digital Technology Company Limited", "company", "", "CN",
     "Hikvision"),
    ("杭州海康威視數字技術股份有限公司", "company", "", "", "Hikvision"),
    ("Zhejiang Dahua Technology Co Ltd", "company", "", "CN", "Dahua Technology"),
    ("浙江大華技術股份有限公司", "company", "", "", "Dahua Technology"),
    ("Megvii Technology Ltd.", "company", "", "CN", "Megvii Technology"),
    ("北京曠視科技有限公司", "company", "", "", "Megvii Technology"),
    ("iFlytek Co., Ltd.", "company", "", "CN", "IFLYTEK"),
    ("科大訊飛股份有限公司", "company", "", "", "IFLYTEK"),
    ("Xinjiang Production & Construction Corps", "company", "", "CN",
     "XINJIANG PRODUCTION AND CONSTRUCTION CORPS"),
    ("SenseTime Group Ltd.", "company", "", "HK", "SENSETIME GROUP LIMITED"),
]


def chinese_person(rng: random.Random) -> tuple[str, str]:
    """A mainland name in one of the ways files write it; returns (name, country)."""
    surname = rng.choices(SURNAMES, weights=[1 / (i + 1) for i in range(len(SURNAMES))])[0]
    given = rng.sample(GIVEN, rng.choice((1, 2, 2, 2)))
    py_given = "".join(p for p, _ in given)
    han = surname[1] + "".join(h for _, h in given)
    style = rng.random()
    if style < 0.25:
        name = han
    elif style < 0.45:
        name = f"{surname[0].upper()} {py_given.capitalize()}"
    elif style < 0.6:
        name = f"{py_given.capitalize()} {surname[0]}"
    elif style < 0.7:
        name = f"{surname[0]}, {py_given.capitalize()}"
    else:
        name = f"{surname[0]} {py_given.capitalize()}"
    return name, "CN"


def chinese_company(rng: random.Random) -> tuple[str, str]:
    place, stem, trade = rng.choice(PLACES), rng.choice(STEMS), rng.choice(TRADES)
    form = rng.choice(CN_FORMS)
    if rng.random() < 0.3:
        return place[1] + stem[1] + trade[1] + form[1], "CN"
    if rng.random() < 0.2:
        return f"{stem[0]} {trade[0]} ({place[0]}) {form[0]}", "CN"
    return f"{place[0]} {stem[0]} {trade[0]} {form[0]}", rng.choice(("CN", "CN", "HK"))


def western_person(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"
    if rng.random() < 0.15:
        last, first = name.rsplit(" ", 1)[1], name.split(" ")[0]
        name = f"{last.upper()}, {first}"
    return name, rng.choice(("GB", "DE", "FR", "US", "IT", "ES", "NL", "AU", "SG"))


def western_company(rng: random.Random) -> tuple[str, str]:
    legal, country = rng.choice(WESTERN_FORMS)
    return f"{rng.choice(WESTERN_STEMS)} {rng.choice(WESTERN_TRADES)} {legal}", country.upper()


def birth_date(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return ""
    year = rng.randint(1940, 2003)
    if rng.random() < 0.2:
        return str(year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def make_rows(rng: random.Random, n: int) -> tuple[list[list[str]], list[list[str]]]:
    """Rows (id, name, type, birth_date, country) and the truth rows (id, listed name)."""
    distinct: list[tuple[str, str, str, str]] = []
    makers = [
        (chinese_person, "person", 0.4), (HK_TW, "person", 0.07),
        (western_person, "person", 0.2), (chinese_company, "company", 0.23),
        (western_company, "company", 0.1),
    ]
    for _ in range(int(n * 0.7)):
        maker, kind, _weight = rng.choices(makers, weights=[m[2] for m in makers])[0]
        if isinstance(maker, list):
            name, country = rng.choice(maker), rng.choice(("HK", "TW"))
        else:
            name, country = maker(rng)
        date = birth_date(rng) if kind == "person" else ""
        distinct.append((name, kind, date, country))
    rows: list[tuple[str, str, str, str]] = []
    for _ in range(n - len(PLANTED)):
        # Repeated names: a popular counterparty appears many times (several accounts).
        rows.append(distinct[min(int(rng.paretovariate(1.2)) - 1, len(distinct) - 1)]
                    if rng.random() < 0.3 else rng.choice(distinct))
    positions = sorted(rng.sample(range(n), len(PLANTED)))
    out: list[list[str]] = []
    truth: list[list[str]] = []
    planted = iter(PLANTED)
    for i in range(n):
        row_id = f"C{100001 + i}"
        if positions and i == positions[0]:
            positions.pop(0)
            name, kind, date, country, listed = next(planted)
            truth.append([row_id, name, listed])
        else:
            name, kind, date, country = rows.pop()
        out.append([row_id, name, kind, date, country])
    return out, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--out", type=Path, default=ROOT / "samples" / "counterparties.csv")
    args = parser.parse_args()
    rows, truth = make_rows(random.Random(SEED), args.rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name", "type", "birth_date", "country"])
        writer.writerows(rows)
    truth_path = args.out.with_name(args.out.stem + "_truth.csv")
    with truth_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name", "listed_name"])
        writer.writerows(truth)
    print(f"wrote {len(rows)} rows to {args.out} ({len(truth)} true hits in {truth_path.name})")


if __name__ == "__main__":
    main()
