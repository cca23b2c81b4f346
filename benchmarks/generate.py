"""Realistic synthetic inputs for bulk benchmarks: a full-size list and counterparty files.

The list has the size and shape of the official lists combined (about 20,000 entities and
85,000 names and aliases): persons and companies of many cultures, in Latin and native
scripts (Han, Cyrillic, Arabic, Hangul), with the spelling variants and reordered aliases
that real lists carry. It is written as OpenSanctions FollowTheMoney JSON lines, a format
``screening.load_list`` reads.

A counterparty file has N rows of customers and suppliers (Chinese names in pinyin and Han,
Western names, companies with legal forms), names repeated as real files repeat them, and a
known share of *planted* rows: variants of list names (reordered, misspelt, another legal
form, another script). A ground-truth file maps each planted row to its list entity.

    python benchmarks/generate.py --rows 100000 --out benchmarks/data
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

SEED = 7
LIST_ENTITIES = 20_000
PLANTED_SHARE = 0.01

# (Latin, native) pools. Small pools on purpose: common names recur, as on real lists.
CN_SURNAMES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
    ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
    ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"), ("Guo", "郭"),
    ("He", "何"), ("Gao", "高"), ("Lin", "林"), ("Luo", "罗"), ("Zheng", "郑"),
    ("Liang", "梁"), ("Xie", "谢"), ("Song", "宋"), ("Tang", "唐"), ("Han", "韩"),
    ("Feng", "冯"), ("Deng", "邓"), ("Cao", "曹"), ("Peng", "彭"), ("Zeng", "曾"),
    ("Xiao", "肖"), ("Tian", "田"), ("Dong", "董"), ("Yuan", "袁"), ("Pan", "潘"),
    ("Jiang", "蒋"), ("Cai", "蔡"), ("Du", "杜"), ("Ye", "叶"), ("Cheng", "程"),
    ("Su", "苏"), ("Wei", "魏"), ("Ding", "丁"), ("Ren", "任"), ("Shen", "沈"),
    ("Yao", "姚"), ("Lu", "卢"), ("Cui", "崔"), ("Qian", "钱"), ("Kong", "孔"),
]  # fmt: skip
CN_GIVEN = [
    ("wei", "伟"), ("fang", "芳"), ("na", "娜"), ("min", "敏"), ("jing", "静"), ("li", "丽"),
    ("qiang", "强"), ("lei", "磊"), ("jun", "军"), ("yang", "洋"), ("yong", "勇"),
    ("yan", "艳"), ("jie", "杰"), ("juan", "娟"), ("tao", "涛"), ("ming", "明"),
    ("chao", "超"), ("xiu", "秀"), ("xia", "霞"), ("ping", "平"), ("gang", "刚"),
    ("ying", "英"), ("hua", "华"), ("wen", "文"), ("jian", "建"), ("guo", "国"),
    ("zhi", "志"), ("hai", "海"), ("ling", "玲"), ("hong", "红"), ("xiao", "晓"),
    ("yu", "宇"), ("ting", "婷"), ("xin", "欣"), ("hao", "浩"), ("peng", "鹏"), ("fei", "飞"),
    ("bin", "斌"), ("hui", "辉"), ("bo", "波"), ("ning", "宁"), ("xue", "雪"), ("mei", "梅"),
    ("long", "龙"), ("kai", "凯"), ("feng", "峰"), ("yun", "云"), ("chun", "春"),
    ("dong", "东"), ("liang", "亮"), ("cheng", "成"), ("dan", "丹"), ("hui", "慧"),
    ("jia", "佳"), ("quan", "全"), ("shan", "山"), ("lun", "仑"), ("de", "德"), ("an", "安"),
]  # fmt: skip
RU_FIRST = [
    ("Ivan", "Иван"), ("Sergei", "Сергей"), ("Dmitry", "Дмитрий"), ("Alexei", "Алексей"),
    ("Andrei", "Андрей"), ("Mikhail", "Михаил"), ("Nikolai", "Николай"), ("Oleg", "Олег"),
    ("Vladimir", "Владимир"), ("Yuri", "Юрий"), ("Igor", "Игорь"), ("Pavel", "Павел"),
    ("Olga", "Ольга"), ("Elena", "Елена"), ("Tatiana", "Татьяна"), ("Natalia", "Наталья"),
    ("Boris", "Борис"), ("Viktor", "Виктор"), ("Gennady", "Геннадий"), ("Roman", "Роман"),
]  # fmt: skip
RU_LAST = [
    ("Ivanov", "Иванов"), ("Petrov", "Петров"), ("Sidorov", "Сидоров"),
    ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"),
    ("Volkov", "Волков"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"),
    ("Kozlov", "Козлов"), ("Novikov", "Новиков"), ("Morozov", "Морозов"),
    ("Orlov", "Орлов"), ("Fedorov", "Федоров"), ("Mikhailov", "Михайлов"),
    ("Belov", "Белов"), ("Tarasov", "Тарасов"), ("Zaitsev", "Зайцев"), ("Gusev", "Гусев"),
    ("Rotenberg", "Ротенберг"), ("Timchenko", "Тимченко"), ("Kovalchuk", "Ковальчук"),
    ("Deripaska", "Дерипаска"), ("Sechin", "Сечин"), ("Miller", "Миллер"),
]  # fmt: skip
AR_FIRST = [
    ("Mohammed", "محمد"), ("Ahmed", "أحمد"), ("Ali", "علي"), ("Hassan", "حسن"),
    ("Hussein", "حسين"), ("Omar", "عمر"), ("Khalid", "خالد"), ("Abdullah", "عبد الله"),
    ("Ibrahim", "إبراهيم"), ("Yusuf", "يوسف"), ("Mustafa", "مصطفى"), ("Hamza", "حمزة"),
    ("Saeed", "سعيد"), ("Tariq", "طارق"), ("Faisal", "فيصل"), ("Karim", "كريم"),
]  # fmt: skip
AR_LAST = [
    ("Al-Rashid", "الراشد"), ("Al-Masri", "المصري"), ("Haddad", "حداد"),
    ("Al-Tikriti", "التكريتي"), ("Nasrallah", "نصر الله"), ("Al-Zawahiri", "الظواهري"),
    ("Al-Baghdadi", "البغدادي"), ("Khoury", "خوري"), ("Mansour", "منصور"),
    ("Al-Sharif", "الشريف"), ("Qasim", "قاسم"), ("Al-Hashimi", "الهاشمي"),
    ("Darwish", "درويش"), ("Saleh", "صالح"), ("Al-Amin", "الأمين"), ("Jaber", "جابر"),
]  # fmt: skip
KO_NAMES = [
    ("Kim", "김"), ("Ri", "리"), ("Pak", "박"), ("Choe", "최"), ("Jong", "정"), ("Kang", "강"),
    ("Jo", "조"), ("Yun", "윤"), ("Jang", "장"), ("Han", "한"),
]  # fmt: skip
KO_GIVEN = [
    ("Chol", "철"), ("Song", "성"), ("Il", "일"), ("Yong", "용"), ("Nam", "남"),
    ("Hyok", "혁"), ("Su", "수"), ("Jin", "진"), ("Myong", "명"), ("Ho", "호"),
    ("Kwang", "광"), ("Un", "은"),
]  # fmt: skip
FA_FIRST = ["Ali", "Reza", "Hossein", "Mehdi", "Mohammad", "Hamid", "Mahmoud", "Javad",
            "Abbas", "Majid", "Saeed", "Mojtaba", "Qasem", "Esmail", "Amir", "Farhad"]
FA_LAST = ["Hosseini", "Mohammadi", "Rezaei", "Ahmadi", "Karimi", "Jafari", "Moradi",
           "Ghasemi", "Rahimi", "Sadeghi", "Soleimani", "Bagheri", "Shamkhani", "Larijani",
           "Zarif", "Vahidi", "Salehi", "Naqdi", "Hejazi", "Rostami"]
WEST_FIRST = ["John", "Michael", "David", "Robert", "James", "Peter", "Thomas", "Mark",
              "Carlos", "Luis", "Jose", "Juan", "Pierre", "Jean", "Hans", "Klaus", "Marco",
              "Giuseppe", "Maria", "Ana", "Anna", "Sarah", "Elena", "Laura"]
WEST_LAST = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Garcia", "Rodriguez",
             "Martinez", "Lopez", "Gonzalez", "Hernandez", "Perez", "Sanchez", "Ramirez",
             "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Muller", "Schmidt", "Schneider",
             "Dubois", "Martin", "Bernard", "Rossi", "Russo", "Ferrari", "Esposito",
             "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"]

CN_PLACES = [
    ("Beijing", "北京"), ("Shanghai", "上海"), ("Shenzhen", "深圳"), ("Guangzhou", "广州"),
    ("Tianjin", "天津"), ("Chongqing", "重庆"), ("Wuhan", "武汉"), ("Chengdu", "成都"),
    ("Hangzhou", "杭州"), ("Nanjing", "南京"), ("Xi'an", "西安"), ("Harbin", "哈尔滨"),
    ("Dalian", "大连"), ("Changsha", "长沙"), ("Zhuhai", "珠海"), ("Hefei", "合肥"),
]  # fmt: skip
CN_STEMS = [
    ("Huawei", "华为"), ("Zhongxing", "中兴"), ("Haiguang", "海光"), ("Shuguang", "曙光"),
    ("Jiangnan", "江南"), ("Tianhe", "天河"), ("Changcheng", "长城"), ("Hangtian", "航天"),
    ("Hongda", "宏达"), ("Xinda", "信达"), ("Jinghua", "京华"), ("Guoxin", "国信"),
    ("Zhongke", "中科"), ("Huaxin", "华信"), ("Dongfang", "东方"), ("Beifang", "北方"),
    ("Xinhai", "新海"), ("Yuanwang", "远望"), ("Jiuzhou", "九州"), ("Shenghua", "盛华"),
    ("Tianyi", "天翼"), ("Kunlun", "昆仑"), ("Taishan", "泰山"), ("Hengtong", "恒通"),
    ("Zhongtian", "中天"), ("Fenghuo", "烽火"), ("Ruixin", "瑞信"), ("Weida", "伟达"),
]  # fmt: skip
CN_TRADES = [
    ("Technology", "科技"), ("Electronics", "电子"), ("Microelectronics", "微电子"),
    ("Information Technology", "信息技术"), ("Aerospace", "航天"), ("Shipbuilding", "船舶"),
    ("Trading", "贸易"), ("Industrial", "工业"), ("Photonics", "光电"),
    ("Semiconductor", "半导体"), ("Precision Machinery", "精密机械"), ("Chemical", "化工"),
]  # fmt: skip
CN_FORMS = [("Co., Ltd.", "有限公司"), ("Company Limited", "有限公司"),
            ("Group Co., Ltd.", "集团有限公司"), ("Corporation", "公司"),
            ("Research Institute", "研究所")]
RU_COMPANY_WORDS = [("Neft", "Нефть"), ("Gaz", "Газ"), ("Prom", "Пром"), ("Stroy", "Строй"),
                    ("Tekh", "Тех"), ("Energo", "Энерго"), ("Invest", "Инвест"),
                    ("Trans", "Транс"), ("Mash", "Маш"), ("Rosoboron", "Рособорон"),
                    ("Avia", "Авиа"), ("Sib", "Сиб"), ("Ural", "Урал"), ("Volga", "Волга")]
WEST_COMPANY_WORDS = ["Global", "International", "Maritime", "Shipping", "Trading",
                      "Resources", "Energy", "Holdings", "Ventures", "Logistics", "Capital",
                      "Petroleum", "Industries", "Systems", "Solutions", "Marine", "Star",
                      "Ocean", "Eagle", "Crown", "Pacific", "Atlantic", "Delta", "Falcon"]
WEST_FORMS = ["Ltd", "Limited", "LLC", "Inc.", "FZE", "S.A.", "GmbH", "Corp.", "LLP", "SARL"]
DATASETS = ["us_ofac_sdn", "eu_fsf", "gb_hmt_sanctions", "un_sc_sanctions", "us_bis_entity",
            "ca_dfatd_sema"]


def _typo(rng: random.Random, word: str) -> str:
    """One plausible misspelling: a dropped, doubled or swapped letter."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.35:
        return word[:i] + word[i + 1 :]
    if kind < 0.7:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def _wade_giles(pinyin: str) -> str:
    """A crude Wade-Giles-like respelling, as older lists and Taiwanese documents have."""
    out = pinyin
    for a, b in (("zh", "ch"), ("x", "hs"), ("q", "ch'"), ("ong", "ung"), ("ian", "ien"),
                 ("z", "ts"), ("c", "ts'"), ("r", "j")):
        out = out.replace(a, b)
    return out


def _cn_person(rng: random.Random) -> tuple[list[str], str]:
    surname = rng.choice(CN_SURNAMES)
    given = rng.sample(CN_GIVEN, rng.choice((1, 2, 2, 2)))
    py = "".join(g[0] for g in given)
    names = [f"{surname[0].upper()} {py.capitalize()}", surname[1] + "".join(g[1] for g in given)]
    if rng.random() < 0.5:
        names.append(f"{surname[0]} {'-'.join(g[0] for g in given).capitalize()}")
    if rng.random() < 0.4:
        names.append(f"{_wade_giles(surname[0].lower()).capitalize()} "
                     f"{'-'.join(_wade_giles(g[0]) for g in given).capitalize()}")
    if rng.random() < 0.3:
        names.append(f"{py.capitalize()} {surname[0]}")
    return names, "cn"


def _ru_person(rng: random.Random) -> tuple[list[str], str]:
    first, last = rng.choice(RU_FIRST), rng.choice(RU_LAST)
    names = [f"{last[0].upper()}, {first[0]}", f"{last[1]} {first[1]}",
             f"{first[0]} {last[0]}"]
    if rng.random() < 0.6:
        names.append(f"{first[0]} {_typo(rng, last[0])}")
    if rng.random() < 0.4:
        names.append(f"{_typo(rng, first[0])} {last[0].replace('v', 'ff')}")
    return names, "ru"


def _ar_person(rng: random.Random) -> tuple[list[str], str]:
    first, last = rng.choice(AR_FIRST), rng.choice(AR_LAST)
    father = rng.choice(AR_FIRST)
    names = [f"{first[0]} {father[0]} {last[0]}", f"{first[1]} {father[1]} {last[1]}"]
    for _ in range(rng.randint(1, 3)):
        variant = first[0].replace("Mohammed", rng.choice(("Muhammad", "Mohamed", "Mohammad")))
        article = rng.choice(("al ", "El-", ""))
        names.append(f"{_typo(rng, variant)} {last[0].replace('Al-', article)}")
    return names, rng.choice(("iq", "sy", "ye", "lb", "sa"))


def _fa_person(rng: random.Random) -> tuple[list[str], str]:
    first, last = rng.choice(FA_FIRST), rng.choice(FA_LAST)
    names = [f"{last.upper()}, {first}", f"{first} {last}", f"{first} {_typo(rng, last)}"]
    if rng.random() < 0.5:
        names.append(f"{_typo(rng, first)} {last}")
    return names, "ir"


def _ko_person(rng: random.Random) -> tuple[list[str], str]:
    surname = rng.choice(KO_NAMES)
    given = rng.sample(KO_GIVEN, 2)
    names = [f"{surname[0].upper()} {given[0][0]} {given[1][0].lower()}",
             surname[1] + given[0][1] + given[1][1],
             f"{surname[0]} {given[0][0]}-{given[1][0].lower()}"]
    if rng.random() < 0.5:
        names.append(f"{given[0][0]}{given[1][0].lower()} {surname[0]}")
    return names, "kp"


def _west_person(rng: random.Random) -> tuple[list[str], str]:
    first, last = rng.choice(WEST_FIRST), rng.choice(WEST_LAST)
    middle = rng.choice(WEST_FIRST)
    names = [f"{last.upper()}, {first} {middle}", f"{first} {middle} {last}",
             f"{first} {last}"]
    if rng.random() < 0.5:
        names.append(f"{first} {_typo(rng, last)}")
    return names, rng.choice(("ve", "co", "mx", "pa", "us", "es", "it"))


def _cn_company(rng: random.Random) -> tuple[list[str], str]:
    place, stem, trade = rng.choice(CN_PLACES), rng.choice(CN_STEMS), rng.choice(CN_TRADES)
    form = rng.choice(CN_FORMS)
    names = [f"{place[0]} {stem[0]} {trade[0]} {form[0]}", place[1] + stem[1] + trade[1] + form[1],
             f"{stem[0]} {trade[0]}"]
    if rng.random() < 0.6:
        names.append(f"{stem[0].upper()} {trade[0].upper()} ({place[0].upper()}) CO LTD")
    if rng.random() < 0.5:
        names.append(f"{place[0]} {stem[0]} {trade[0]} Co Ltd")
    return names, "cn"


def _ru_company(rng: random.Random) -> tuple[list[str], str]:
    a, b = rng.sample(RU_COMPANY_WORDS, 2)
    base_latin, base_native = a[0] + b[0].lower(), a[1] + b[1].lower()
    names = [f'OOO "{base_latin}"', f'ООО «{base_native}»', f"{base_latin} LLC",
             f'Obshchestvo s ogranichennoi otvetstvennostyu "{base_latin}"']
    if rng.random() < 0.5:
        names.append(f"JSC {base_latin}")
    return names, "ru"


def _west_company(rng: random.Random) -> tuple[list[str], str]:
    words = rng.sample(WEST_COMPANY_WORDS, rng.choice((2, 2, 3)))
    base = " ".join(words)
    names = [f"{base} {rng.choice(WEST_FORMS)}", base.upper(), f"{base} {rng.choice(WEST_FORMS)}"]
    if rng.random() < 0.5:
        names.append(f"{_typo(rng, words[0])} {' '.join(words[1:])}")
    return names, rng.choice(("ae", "hk", "sg", "pa", "cy", "tr", "my"))


PERSON_MAKERS: list[tuple[Callable[[random.Random], tuple[list[str], str]], float]] = [
    (_cn_person, 0.25), (_ru_person, 0.2), (_ar_person, 0.2), (_fa_person, 0.12),
    (_ko_person, 0.08), (_west_person, 0.15),
]  # fmt: skip
COMPANY_MAKERS: list[tuple[Callable[[random.Random], tuple[list[str], str]], float]] = [
    (_cn_company, 0.45), (_ru_company, 0.25), (_west_company, 0.3),
]


def make_list(rng: random.Random, n: int = LIST_ENTITIES) -> Iterator[dict[str, object]]:
    """FtM entities: about 55% persons, 45% companies, 4.25 names each on average."""
    for i in range(n):
        person = rng.random() < 0.55
        makers = PERSON_MAKERS if person else COMPANY_MAKERS
        maker = rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]
        names, country = maker(rng)
        if rng.random() < 0.6:
            names.append(_typo(rng, names[0]))  # lists carry misspelt aliases too
        names = list(dict.fromkeys(names))
        props: dict[str, list[str]] = {"name": [names[0]], "alias": names[1:]}
        if person:
            props["nationality"] = [country]
            if rng.random() < 0.7:
                props["birthDate"] = [f"{rng.randint(1940, 1995)}-{rng.randint(1, 12):02d}"
                                      f"-{rng.randint(1, 28):02d}"]
        else:
            props["country"] = [country]
        yield {
            "id": f"syn-{i:05d}",
            "schema": "Person" if person else "Company",
            "caption": names[0],
            "datasets": [rng.choice(DATASETS)],
            "properties": props,
        }


def write_list(path: Path, *, seed: int = SEED, entities: int = LIST_ENTITIES) -> int:
    """Write the synthetic list; returns the number of names and aliases."""
    total = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for entity in make_list(random.Random(seed), entities):
            props = entity["properties"]
            assert isinstance(props, dict)
            total += len(props["name"]) + len(props["alias"])
            f.write(json.dumps(entity, ensure_ascii=False) + "\n")
    return total


# -- counterparties -----------------------------------------------------------------------

CP_CN_GIVEN = CN_GIVEN
CP_WEST_FIRST = ["Emma", "Oliver", "Sophie", "Lucas", "Mia", "Noah", "Lea", "Finn", "Chloe",
                 "Liam", "Nina", "Jonas", "Clara", "Felix", "Ella", "Paul", "Ines", "Tom"]
CP_WEST_LAST = ["Meyer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein",
                "Wolf", "Neumann", "Clarke", "Walker", "Wright", "Hughes", "Evans", "Lefebvre",
                "Girard", "Fontaine", "Conti", "Gallo", "Jansen", "Visser", "Berg", "Holm"]
CP_CN_STEMS = [("Huaxing", "华星"), ("Xinyuan", "鑫源"), ("Hengda", "恒达"),
               ("Yongsheng", "永盛"), ("Jinpeng", "金鹏"), ("Ruifeng", "瑞丰"),
               ("Boyuan", "博远"), ("Mingrui", "明瑞"), ("Anke", "安科"), ("Jiahe", "嘉禾"),
               ("Baolong", "宝隆"), ("Lianfa", "联发"), ("Tianrun", "天润"), ("Shunda", "顺达")]
CP_CN_TRADES = [("Trading", "贸易"), ("Textile", "纺织"), ("Logistics", "物流"),
                ("Furniture", "家具"), ("Packaging", "包装"), ("Garments", "服装"),
                ("Import and Export", "进出口"), ("Hardware", "五金"), ("Toys", "玩具")]
CP_PLACES = [("Yiwu", "义乌"), ("Ningbo", "宁波"), ("Wenzhou", "温州"), ("Dongguan", "东莞"),
             ("Foshan", "佛山"), ("Xiamen", "厦门"), ("Suzhou", "苏州"), ("Qingdao", "青岛")]
CP_WEST_COMPANY = ["Bakery", "Dental", "Garden", "Auto", "Print", "Bio", "Home", "Sport",
                   "Coffee", "Design", "Media", "Fashion", "Optik", "Pharma", "Travel"]
CP_WEST_STEMS = ["Alpen", "Nord", "Sonnen", "Rhein", "Lumiere", "Bella", "Green", "Blue",
                 "Silver", "Oak", "Maple", "River", "Stone", "Bright", "Happy"]
CP_LEGAL = ["GmbH", "Ltd", "Inc.", "S.A.S.", "S.r.l.", "B.V.", "AG", "KG", "Pty Ltd"]


def _cp_person(rng: random.Random) -> tuple[str, str, str, str]:
    r = rng.random()
    date = ""
    if rng.random() < 0.4:
        date = f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if r < 0.55:
        surname = rng.choice(CN_SURNAMES)
        given = rng.sample(CP_CN_GIVEN, rng.choice((1, 2, 2)))
        if rng.random() < 0.35:
            return surname[1] + "".join(g[1] for g in given), "person", date, "CN"
        py = "".join(g[0] for g in given).capitalize()
        name = f"{surname[0]} {py}" if rng.random() < 0.6 else f"{py} {surname[0].upper()}"
        return name, "person", date, "CN"
    name = f"{rng.choice(CP_WEST_FIRST)} {rng.choice(CP_WEST_LAST)}"
    return name, "person", date, rng.choice(("DE", "FR", "GB", "NL", "IT", "US"))


def _cp_company(rng: random.Random) -> tuple[str, str, str, str]:
    if rng.random() < 0.6:
        place, stem = rng.choice(CP_PLACES), rng.choice(CP_CN_STEMS)
        trade = rng.choice(CP_CN_TRADES)
        if rng.random() < 0.3:
            return place[1] + stem[1] + trade[1] + "有限公司", "company", "", "CN"
        return f"{place[0]} {stem[0]} {trade[0]} Co., Ltd.", "company", "", "CN"
    name = f"{rng.choice(CP_WEST_STEMS)} {rng.choice(CP_WEST_COMPANY)} {rng.choice(CP_LEGAL)}"
    return name, "company", "", rng.choice(("DE", "FR", "GB", "NL", "IT", "US"))


def _planted(rng: random.Random, entity: dict[str, object]) -> str:
    """A variant of one of the entity's names, as a counterparty file would write it."""
    props = entity["properties"]
    assert isinstance(props, dict)
    name = rng.choice(props["name"] + props["alias"])
    r = rng.random()
    words = name.replace(",", "").split()
    if r < 0.25 or len(words) < 2:
        return name.lower() if r < 0.1 else name
    if r < 0.5:
        return " ".join(reversed(words))
    if r < 0.75:
        i = max(range(len(words)), key=lambda k: len(words[k]))
        words[i] = _typo(rng, words[i])
        return " ".join(words)
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def write_counterparties(
    path: Path, truth_path: Path, rows: int, list_path: Path, *, seed: int = SEED,
    planted_share: float = PLANTED_SHARE,
) -> None:
    """Write ``rows`` counterparties and the ground truth of the planted ones."""
    rng = random.Random(seed + rows)
    entities = [json.loads(line) for line in list_path.open(encoding="utf-8")]
    # Distinct counterparties, then rows drawn with repetition (Zipf-like): real files list
    # the same customer under several accounts and share common names.
    pool = [(_cp_person if rng.random() < 0.6 else _cp_company)(rng)
            for _ in range(max(1000, rows // 3))]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f, \
            truth_path.open("w", encoding="utf-8", newline="") as t:
        out, truth = csv.writer(f, lineterminator="\n"), csv.writer(t, lineterminator="\n")
        out.writerow(["id", "name", "type", "birth_date", "country"])
        truth.writerow(["id", "name", "entity_id"])
        for i in range(rows):
            row_id = f"R{i + 1:08d}"
            if rng.random() < planted_share:
                entity = rng.choice(entities)
                name = _planted(rng, entity)
                kind = "person" if entity["schema"] == "Person" else "company"
                out.writerow([row_id, name, kind, "", ""])
                truth.writerow([row_id, name, entity["id"]])
                continue
            if rng.random() < 0.4:
                k = min(int(rng.paretovariate(1.1)), len(pool)) - 1
                record = pool[k]
            else:
                record = rng.choice(pool)
            out.writerow([row_id, *record])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--entities", type=int, default=LIST_ENTITIES)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    list_path = args.out / "list.ftm.json"
    names = write_list(list_path, entities=args.entities)
    print(f"list: {args.entities} entities, {names} names -> {list_path}")
    cp = args.out / f"counterparties_{args.rows}.csv"
    write_counterparties(cp, cp.with_suffix(".truth.csv"), args.rows, list_path)
    print(f"counterparties: {args.rows} rows -> {cp}")


if __name__ == "__main__":
    main()
