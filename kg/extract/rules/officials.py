"""Officials with their titles, and other named persons with a role.

A title is an organization-qualified post (市委副书记, 统战部部长, 村党委书记)
matched on characters and followed directly by a name. Titles joined by 、 or
兼 before one name all belong to it (市委副书记、市长付旭明); a name list ending
in 等 takes the title after it (杨洪涛、张传忠等市委常委). The post's place
comes from a place named right before the title (乌兰浩特市委书记, 马厩村党委书记),
else from its level: 省委 → the home province, 市委 → the home city, 村/社区 →
the nearest village named in the same sentence. A unit word of another kind
than the home's is its nearest superior of that kind (州委书记 in a county
report is the autonomous prefecture's, 市委书记 the prefecture's; 盟委, 地委,
行署 likewise): 14 posts on invented openings at banner, league, 州, 地区,
county and district level are placed right (tests/unit/extract/test_officials.py);
visible posts placed unchanged (1.0).
Names without a Han surname — Mongolian, Uyghur, Tibetan transliterations (巴特尔, 买买提·依明) — right after a
title, by their characters (:func:`kg.extract.rules.names.transliterated_name_at`); 行署专员; 全 ending a given name
(宋德全); 甲、乙等 with 等 right after the last name; 甲（市政协主席）、乙（…）, posts in brackets after the names.
On 12 invented reports of banners, leagues, 地区 and
Xinjiang/Tibet counties (a helper wrote and annotated them without sight of the rules): officials R 0.827 → 0.987,
P 0.939 → 1.0; the visible set unchanged (1.0).
From six more invented sets (G–L, 72 reports, each measured before anything was drawn from it): a committee's
working group is the committee's post (省委第十一巡回指导组组长 at the province; names up to 24 characters), a lower
unit's post takes the unit named earlier in the paragraph or the one the article names, a title never runs across
a locative (会上|县教育局局长) and goes on across a comma in a chain, a rank in brackets (副主任（常务）), a holder
seconded from a bureau (驻村第一书记、市农业农村局干部甲), short transliterated names closed by a reporting verb, a Han
surname before a transliterated given name (刘巴特尔), a common word after a bare post is a name only if the tagger
says so (书记|项目). Posts placed on G–L: 0.828/0.841/0.925/1.0/1.0/0.849 → 0.906/0.966/0.964/1.0/1.0/0.989; titles on L
0.937 → 0.964; seeds and the visible set unchanged (1.0), blind third unchanged.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from kg.extract.confidence import attest
from kg.extract.records import Mention, Official, Person, Title
from kg.extract.rules.names import AFTER_NAME, name_at, transliterated_name_at
from kg.language.names import AMBIGUOUS_SURNAMES, REPORTING_VERBS, TRANSLITERATION, WORDS_AFTER_NAME
from kg.language.text import HAN, Sentences, is_han
from kg.language.titles import (DEPARTMENT_SUFFIXES, DEPARTMENTS, GROUP_KINDS, HISTORICAL_WORDS, NATIONAL_POSTS, NON_STATE_BODIES,
                                NOT_IN_DEPARTMENT, ORGANIZATIONS, POSTS, QUALIFIED_POSTS, RANK_PATTERN, ROLES, alternation, post_head)
from kg.language.units import TITLE_UNIT_WORDS, title_unit_kind, unit_kind

LEVEL = alternation(TITLE_UNIT_WORDS)
ORG = alternation(ORGANIZATIONS)
DEPT = ("(?:" + alternation(DEPARTMENTS) + "|(?:(?![" + NOT_IN_DEPARTMENT + "])[" + HAN + "]){1,6}?"
        + alternation(DEPARTMENT_SUFFIXES) + ")")
RANK = RANK_PATTERN  # (常务|专职|代)?副?
POST = alternation(POSTS)
# A committee's working group has a longer name than a department (省委第十一巡回指导组, 州委党纪学习教育指导组):
# after a unit word and its committee, up to 24 characters before 组 (市委深入贯彻中央八项规定精神学习教育第五指导组).
GROUP = "(?:(?![" + NOT_IN_DEPARTMENT + "])[" + HAN + "]){1,24}?组(?:办公室)?"
# A department's own party body (市公安局党委书记, 县教育局党组书记) belongs to the department's title.
DEPT_PARTY = alternation(("党委", "党组", "党总支", "党支部"))
# The Youth League's committee of a unit (团县委书记 is not the 县委书记).
LEAGUE = "团" + LEVEL + "委"
PREFIX = ("(?:" + LEAGUE + "|" + LEVEL + ORG + GROUP + "|" + LEVEL + "?" + ORG + DEPT + "?|" + LEVEL + "?" + DEPT
          + DEPT_PARTY + "?|" + LEVEL + ")")
UNIT = "(?:" + PREFIX + "?" + RANK + POST + "|" + PREFIX + RANK + alternation(QUALIFIED_POSTS) + ")"
UNIT_RE = re.compile(UNIT)
_LEVEL_START = re.compile(LEVEL)
# Where the holder of a post comes from, between the post and the name: 驻村第一书记、市农业农村局干部甲 (a cadre
# seconded from a bureau holds the village post).
SECONDED = re.compile(r"、[" + HAN + r"]{2,14}?(?:局|厅|委|办|部|院|中心|公司|银行|学校|大学|集团)(?:选派)?(?:干部|职工|工作人员)")
# A rank in brackets between a post and its holder's name (副主任（常务）甲).
RANK_BRACKET = re.compile(r"（(?:常务|主持工作|正处级|副处级|正科级|副科级|正县级|副县级|挂职)）")
RANK_BRACKET_END = re.compile(RANK_BRACKET.pattern + "$")
# What closes a short transliterated name after a title when no tagger confirms it.
_CLOSES_SHORT_NAME = re.compile(r"[，。、；：（]|$|" + alternation(REPORTING_VERBS))
# Locatives that end the phrase before a title (会上, 会后, 期间): a title never runs across one into a unit word.
LOCATIVES = "上中后时前里间"
UNIT_AT_END = re.compile(UNIT + r"$")
BARE_POST = re.compile(RANK + "(" + POST + ")$")
# A chained title whose qualifier is not in the vocabulary (武汉经开区工委书记):
# at most this many characters back to the 、 that joins it to the title before.
CHAIN_REACH = 16
# How far a place named before a title may run into it: the title's unit word (市, 苏木, 街道, 社区, 嘎查).
_UNIT_WORD_OVERLAP = 2
# What may follow the last name of a list (县领导甲、乙陪同): punctuation.
LIST_END = set("、，。；：！？等”）")
NATIONAL = re.compile("(" + "|".join(NATIONAL_POSTS) + ")")
HISTORICAL = re.compile("|".join(HISTORICAL_WORDS))
ROLE_RE = re.compile("|".join(sorted(ROLES, key=len, reverse=True)))
ROLE_OF = ROLES
NON_STATE = re.compile("(" + "|".join(sorted(NON_STATE_BODIES, key=len, reverse=True)) + ")$")


@dataclass
class PlaceRef:
    start: int
    end: int
    key: str
    level: str
    name: str


@dataclass
class Context:
    home: PlaceRef | None = None
    province: PlaceRef | None = None
    league: PlaceRef | None = None
    places: list[PlaceRef] = field(default_factory=list)
    lineage: list[PlaceRef] = field(default_factory=list)   # the home and its superiors, nearest first
    # The working groups the text names with their body (百色市委第三巡回指导组): where each name ends, its kind
    # (指导组) and its place — what a bare 指导组组长 later in the text refers back to (set by find_people).
    groups: list[tuple[int, str, PlaceRef | None]] = field(default_factory=list)

    def superior(self, kind: str) -> PlaceRef | None:
        """The home or its nearest superior of a kind (市, 州, 地区): whose 市委 a
        county report means is its prefecture's."""
        return next((p for p in self.lineage if unit_kind(p.name) == kind), None)


def _clause(text: str, start: int, end: int) -> str:
    s = max(text.rfind(p, 0, start) for p in "，。；！？\n") + 1
    e = min([x for x in (text.find(p, end) for p in "，。；！？\n") if x >= 0] or [len(text)])
    return text[s:e]


def _place_before(ctx: Context, pos: int) -> PlaceRef | None:
    """A place named right before ``pos`` (乌兰浩特|市委书记, 马厩村|党委书记)."""
    for p in ctx.places:
        if p.start < pos <= p.end or p.end == pos:
            return p
    return None


def _nearest(ctx: Context, pos: int, levels: tuple[str, ...], sentence: tuple[int, int],
             kind: str | None = None) -> PlaceRef | None:
    best = None
    for p in ctx.places:
        if p.level in levels and sentence[0] <= p.start < pos and (kind is None or unit_kind(p.name) == kind):
            best = p
    return best


def _title_place(unit: str, prefix: PlaceRef | None, ctx: Context, pos: int, sent: tuple[int, int],
                 paragraph: int | None = None) -> PlaceRef | None:
    """The place of a post: a place named right before it; else by the unit
    word the post starts with. 盟委/州委/地委/行署 are the home's or its nearest
    superior's of that kind; 市委/县委/区委/旗委 the home's if it is of that
    kind, else a unit of that kind named earlier in the sentence, else the
    nearest superior of that kind (a county report's 市委书记 is its
    prefecture's), else the last unit of that kind named earlier in the paragraph
    (【黄州区】…。区委书记甲 in a city's report); 镇/村 posts likewise, the sentence first,
    then the paragraph (``paragraph``: where it starts), then the one township or village the article
    names if it names one only."""
    if paragraph is None:
        paragraph = sent[0]
    if prefix is not None:
        return prefix
    head = post_head(unit)
    kind = title_unit_kind(head)
    if kind == "省":
        return ctx.province
    if kind in ("盟", "州", "地区"):
        return ctx.superior(kind) or (ctx.league if kind == "盟" else None)
    para = (paragraph, sent[1])
    if kind in ("市", "县", "区", "旗"):
        if ctx.home is not None and unit_kind(ctx.home.name) == kind:
            return ctx.home
        return _nearest(ctx, pos, ("prefecture", "county"), sent, kind) or ctx.superior(kind) \
            or (_nearest(ctx, pos, ("prefecture", "county"), sent) if not ctx.lineage else None) \
            or _nearest(ctx, pos, ("prefecture", "county"), para, kind)
    if kind == "乡镇":
        return _nearest(ctx, pos, ("township",), sent) or _nearest(ctx, pos, ("township",), para) \
            or _only(ctx, "township")
    if kind == "村":
        return _nearest(ctx, pos, ("village",), sent) or _nearest(ctx, pos, ("village",), para) or _only(ctx, "village")
    return None


def _only(ctx: Context, level: str) -> PlaceRef | None:
    """The one unit of ``level`` the article names, if it names exactly one (镇人大主席甲表示，闽宁镇将…)."""
    units = {p.key: p for p in ctx.places if p.level == level}
    return next(iter(units.values())) if len(units) == 1 else None


def _unit_ending(text: str, pos: int) -> str | None:
    """The longest title that ends right before ``pos`` — but one that starts with a unit word after a locative
    (交流会上|县教育局局长) over the longer one through it (a 高新区党工委书记 stays whole)."""
    window = text[max(0, pos - 32):pos]
    m = UNIT_AT_END.search(window)
    if not m:
        return None
    best = m.group()
    for k in range(len(window) - len(best) - 1, -1, -1):
        if UNIT_AT_END.fullmatch(window[k:]):
            best = window[k:]
    if len(best) > 2 and best[0] == best[1] and UNIT_AT_END.fullmatch(best[1:]):
        return best[1:]  # 武当乡|乡长, 仙桃市|市委书记: the doubled unit word ends the unit's name
    if not _LEVEL_START.match(best):
        for k in range(len(window) - len(best) + 1, len(window) - 1):
            if window[k - 1] in LOCATIVES and _LEVEL_START.match(window, k) and UNIT_AT_END.fullmatch(window[k:]):
                return window[k:]
    return best


def _chain_start(text: str, left: int) -> int | None:
    """Where a title starting at ``left`` really starts if it is chained to a
    title before it by 、 across a qualifier the vocabulary does not know
    (市委常委、武汉经开区|工委书记): the 、 is at most :data:`CHAIN_REACH`
    characters back, only Han characters of a name lie between, and a title
    ends right before it."""
    k = text.rfind("、", max(0, left - CHAIN_REACH), left)
    if k <= 0 or any(not re.match("[" + HAN + "]", ch) or ch in NOT_IN_DEPARTMENT for ch in text[k + 1:left]):
        return None
    return k + 1 if _unit_ending(text, k) else None


def _units_before(text: str, end: int, ctx: Context) -> list[tuple[int, str, PlaceRef | None]]:
    """Titles chained by 、 or 兼 that end right before ``end`` (walking left)."""
    out = []
    pos = end
    while True:
        best = _unit_ending(text, pos)
        if best is None:
            break
        start = pos - len(best)
        prefix = _place_before(ctx, start)
        # the place may end in the title's unit word: 伊和乌素苏木|党委书记 shares 苏木, 宁乡市|委书记 shares 市
        left = prefix.start if prefix is not None and prefix.end <= start + _UNIT_WORD_OVERLAP else start
        if left > 0 and text[left - 1] not in "、兼":
            wider = _chain_start(text, left)
            if wider is not None:
                start, best, prefix, left = wider, text[wider:pos], None, wider
        out.append((start, best, prefix))
        if left > 0 and text[left - 1] in "、兼":
            pos = left - 1
            continue
        # 区委常委、组织部部长，区委…办公室主任甲: a chain of titles may go on after a comma, and a rank in brackets
        # may close a title (副市长（挂职），…组长甲) — when the piece before is a chain of two titles or more
        k = left - 1
        if k > 0 and text[k] == "，":
            bracket = RANK_BRACKET_END.search(text, max(0, k - 8), k)
            before = bracket.start() if bracket else k
            chained = _unit_ending(text, before)
            if chained is not None and text[before - len(chained) - 1:before - len(chained)] == "、":
                pos = before
                continue
        break
    return list(reversed(out))


@dataclass
class _Found:
    officials: dict[str, Official] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)

    def add_official(self, name: str, titles: list[Title], mention: Mention, method: str) -> None:
        """``method``: the evidence that gives ``name`` these titles (kg.extract.confidence)."""
        off = self.officials.get(name)
        if off is None:
            off = self.officials[name] = Official(name, [])
        for t in titles:
            same = next((x for x in off.titles if x.title == t.title), None)
            if same is None:
                off.titles.append(replace(t, method=method, confidence=None))
            else:
                attest(same, method)
        off.mentions.append(mention)

    def add_person(self, name: str, role: str, mention: Mention, method: str) -> None:
        if name not in self.persons:
            self.persons[name] = Person(name, role, [], method)
        attest(self.persons[name], method)
        self.persons[name].mentions.append(mention)


def find_people(text: str, ctx: Context, sentences: Sentences | None = None,
                is_word=None, person_at=None) -> tuple[list[Official], list[Person]]:
    """Officials and persons in ``text``. ``is_word(start, end)``, if given, says
    whether the segmenter saw one word there: a role noun followed by a word
    (居民解决…) is not followed by a name. ``person_at(i)``, if given (a
    statistical tagger, :mod:`kg.extract.ner`), gives the length of a person's
    name starting at ``text[i]`` or None: where the context is weak (after a
    role word, in a list after a title, a surname that is mostly a conjunction)
    a candidate it does not see as a name is dropped."""
    sentences = sentences or Sentences.of(text)
    found = _Found()
    ctx.groups = _named_groups(text, ctx, sentences)

    def confirmed(i: int, name: str) -> bool:
        if person_at is None:
            return name[0] not in AMBIGUOUS_SURNAMES
        return person_at(i) is not None

    def _common_word(i: int, name: str) -> bool:
        """书记|项目, 第一书记|管理, 区领导|包联: a two-character "name" the segmenter sees as one word is a common word
        unless the tagger sees a person there."""
        return len(name) == 2 and is_word is not None and is_word(i, i + 2) \
            and not all(ch in TRANSLITERATION for ch in name)  # 扎戈: a short Tibetan name is a word to it too

    def _bare(unit: str) -> bool:
        """A post without its unit word or body (书记, 第一书记, 区领导): what follows may be any word."""
        head = post_head(unit)
        return (BARE_POST.fullmatch(unit) is not None and not (head.endswith("长") and head[:-1] in TITLE_UNIT_WORDS)) \
            or unit.endswith(("领导", "第一书记"))

    def mention(s: int, e: int) -> Mention:
        return Mention(s, e, text[s:e], sentences.at(s))

    def name_after_title(i: int) -> str | None:
        """A Han name (surname rule), or a transliterated one where it is longer (巴特尔, 孟和达来, 买买提·依明)
        — but not longer by a character that follows names (彭德才|正带领); a Han surname before a transliterated
        given name takes it whole (刘|巴特尔). The tagger is asked only when no Han name stands there and a short
        run might be one (it costs a sentence's tagging: asking at every title made the build 12% slower)."""
        name = name_at(text, i, is_word=is_word)
        other = transliterated_name_at(text, i)
        if other and name and other.startswith(name) and len(other) == len(name) + 1 and other[-1] in AFTER_NAME:
            other = None
        if name and len(name) >= 2 and is_word is not None:
            given = transliterated_name_at(text, i + 1, tagged=2)
            end = i + len(name)
            # 刘巴特尔 (the segmenter starts no word at 尔), not 赵立新|多次 (it starts one at 多)
            if given and len(given) >= 3 and len(given) + 1 > len(name) \
                    and not any(is_word(end, end + k) for k in range(1, 5)):
                other = text[i] + given
        short = transliterated_name_at(text, i, 2) if other is None and name is None else None
        if short and person_at is not None:
            other = transliterated_name_at(text, i, person_at(i))
        if other is None and short and is_word is not None and not is_word(i, i + len(short)) \
                and _CLOSES_SHORT_NAME.match(text, i + len(short)):
            # 嘎查党支部书记宝音带领…: a short run after a title that the segmenter does not know as a word, closed by
            # punctuation or a verb of reporting — not by any character (才让东|主、 is a longer name cut short)
            other = short
        return other if other and (not name or len(other) > len(name)) else name

    # 1. TITLE(S) + NAME, and NAME、NAME after the title (县领导甲、乙)
    last: tuple[int, list[Title]] | None = None  # where the previous official's name ended, their titles
    for m in UNIT_RE.finditer(text):
        if m.group() in NATIONAL_POSTS and m.start() > 0 and is_han(text[m.start() - 1]) and text[m.start() - 1] != "央":
            continue  # 习近平总书记曾两次…: the national post is written after its holder's name
        rank = RANK_BRACKET.match(text, m.end())  # 办公室副主任（常务）申小雪: the rank in brackets, then the name
        at = rank.end() if rank else m.end()
        name = name_after_title(at)
        seconded = SECONDED.match(text, m.end()) if name is None else None
        if seconded:  # 驻村第一书记、市农业农村局干部甲: the post, then where the holder comes from
            at = seconded.end()
            name = name_after_title(at)
        if not name or ((name[0] in AMBIGUOUS_SURNAMES or (_common_word(at, name) and _bare(m.group())))
                        and not confirmed(at, name)):
            continue
        units = _units_before(text, m.end(), ctx)
        if not units:
            continue
        n_start, n_end = at, at + len(name)
        first = units[0][2].start if units[0][2] is not None and units[0][2].end <= units[0][0] + 1 else units[0][0]
        if HISTORICAL.search(_clause(text, first, n_end)):
            found.add_person(name, "historical", mention(n_start, n_end), "title+historical")
            continue
        body = NON_STATE.search(text, max(0, first - 8), first) if len(units) == 1 and units[0][2] is None \
            and BARE_POST.fullmatch(units[0][1]) else None
        if body:  # 业委会主任, 公司董事长: not a party or state post
            found.add_person(name, NON_STATE_BODIES[body.group()], mention(n_start, n_end), "non-state-post")
            continue
        titles = _titles(units, ctx, n_start, sentences.span_at(n_start), text.rfind("\n", 0, n_start) + 1)
        if last is not None and len(units) == 1 and units[0][2] is None and units[0][0] == last[0] + 1 \
                and text[last[0]] in "、，":
            titles = [_deputy(titles[0], last[1][-1])]
        lac = person_at is not None and person_at(n_start) == len(name)  # the tagger sees the same name
        found.add_official(name, titles, mention(first, n_end), "title+name+lac" if lac else "title+name")
        last = (n_end, titles)
        for s, other in _names_after(text, n_end, is_word, confirmed, name_after_title):
            found.add_official(other, titles, mention(s, s + len(other)), "title+name-list")
            last = (s + len(other), titles)
    # 2. NAME、NAME等TITLE
    for m in UNIT_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] != "等":
            continue
        names = _names_before(text, m.start() - 1)
        if not names:
            continue
        titles = _titles([(m.start(), m.group(), None)], ctx, m.start(), sentences.span_at(m.start()),
                         text.rfind("\n", 0, m.start()) + 1)
        for s, name in names:
            found.add_official(name, titles, mention(s, m.end()), "name-list")
    # 2b. NAME（TITLE、TITLE）: attendees listed with their posts in brackets (甲（市人大常委会主任）、乙（市政协主席）)
    for m in re.finditer("（", text):
        close = text.find("）", m.end(), m.end() + 48)
        units = _units_before(text, close, ctx) if close > m.end() else []
        if not units:
            continue
        s0, _, prefix = units[0]
        if (prefix.start if prefix is not None and prefix.end <= s0 + _UNIT_WORD_OVERLAP else s0) != m.end():
            continue  # the bracket holds more than titles: a gloss, an explanation
        hit = _name_ending(text, m.start(), person_at, titled=True)
        if hit is None or hit[1] in found.officials:
            continue
        start, name = hit
        titles = _titles(units, ctx, start, sentences.span_at(start), text.rfind("\n", 0, start) + 1)
        found.add_official(name, titles, mention(start, close + 1), "name+bracketed-title")
    # 3. NAME + national post (习近平总书记)
    for m in NATIONAL.finditer(text):
        for length in (3, 2, 4):
            s = m.start() - length
            if s >= 0 and name_at(text, s, stop=set()) == text[s:m.start()]:
                found.add_official(text[s:m.start()], [Title(m.group(), None, "中共中央")], mention(s, m.end()),
                                   "national-post")
                break
    # 4. Persons by role, and 同志 without a post
    for m in ROLE_RE.finditer(text):
        start = m.end()
        while start < len(text) and start - m.end() < 2 and text[start] in " \u3000":
            start += 1  # a byline: (记者 张立)
        while True:
            name = _role_name(text, start, is_word, person_at)
            if name and name not in found.officials:
                found.add_person(name, ROLE_OF[m.group()], mention(start, start + len(name)),
                                 "role+lac" if person_at is not None else "role")
            # more names with the same role: 通讯员 甲 乙 丙, 村民甲、乙
            nxt = start + len(name) if name else -1
            if nxt < 0 or nxt + 1 >= len(text) or text[nxt] not in " \u3000、":
                break
            start = nxt + 1
    for m in re.finditer(r"同志", text):
        for length in (3, 2):
            s = m.start() - length
            if s >= 0 and name_at(text, s, stop=set()) == text[s:m.start()] and text[s:m.start()] not in found.officials \
                    and confirmed(s, text[s:m.start()]):
                found.add_person(text[s:m.start()], "historical", mention(s, m.start()), "comrade")
                break
    # Every later bare use of an official's name is a mention too.
    for name, off in found.officials.items():
        # The titled mentions, sorted: a use inside one is found by bisection, not by a scan
        # of all of them (a name repeated thousands of times made this quadratic).
        spans = sorted((x.start, x.end) for x in off.mentions)
        starts = [st for st, _ in spans]
        for m in re.finditer(re.escape(name), text):
            i = bisect.bisect_right(starts, m.start())
            if not any(st <= m.start() < en for st, en in spans[max(0, i - 8):i]):
                off.mentions.append(mention(m.start(), m.end()))
        off.mentions.sort(key=lambda x: x.start)
        found.persons.pop(name, None)
    return list(found.officials.values()), list(found.persons.values())


# A working group named with its body (市委第三巡回指导组, 县纪委监委第二巡察组) and the kind of group it is.
_NAMED_GROUP = re.compile(LEVEL + ORG + r"(?:(?![" + NOT_IN_DEPARTMENT + r"])[" + HAN + r"]){0,20}?("
                          + alternation(GROUP_KINDS) + ")")
# A title of a group without its body (指导组组长, 督导组副组长): it refers back to the group named before.
_BARE_GROUP = re.compile(r"^(?:[" + HAN + r"]{0,8}?)(" + alternation(GROUP_KINDS) + ")" + RANK + "组长$")


def _named_groups(text: str, ctx: Context, sentences: Sentences) -> list[tuple[int, str, PlaceRef | None]]:
    out = []
    for m in _NAMED_GROUP.finditer(text):
        place = _title_place(m.group(), _place_before(ctx, m.start()), ctx, m.start(), sentences.span_at(m.start()),
                             text.rfind("\n", 0, m.start()) + 1)
        out.append((m.end(), m.group(1), place))
    return out


def _group_named_before(unit: str, ctx: Context, pos: int) -> PlaceRef | None:
    """指导组组长甲 after 百色市委第三巡回指导组 was named: the group's place, the last of its kind before ``pos``."""
    m = _BARE_GROUP.match(unit)
    if m is None or re.match(LEVEL, unit):
        return None
    kind = m.group(1)
    return next((place for end, k, place in reversed(ctx.groups) if end <= pos and k == kind and place is not None),
                None)


def _titles(units, ctx: Context, pos: int, sent: tuple[int, int], paragraph: int | None = None) -> list[Title]:
    titles, last = [], None
    for start, unit, prefix in units:
        head = post_head(unit)
        place = _title_place(unit, prefix, ctx, pos, sent, paragraph) or _group_named_before(unit, ctx, start)
        if place is None and not re.match(LEVEL, head) and last is not None:
            place = last  # 省委常委、统战部部长: the department belongs to the same body
        if place is None and not re.match(LEVEL, head) and ctx.home is not None and "总书记" not in unit:
            place = ctx.home
        titles.append(Title(unit, place.key if place else None, "中共中央" if unit == "总书记" else None))
        last = place
    return titles


def _role_name(text: str, i: int, is_word, person_at) -> str | None:
    """The name right after a role word (居民|郑强), or None. A role noun is
    often followed by an ordinary word (居民解决…, 党员常态化…): with a tagger,
    the name must be one it sees; without, the segmenter must not see the two
    characters as a word, and a two-character name must end at a verb or
    punctuation. The tagger is the better judge: pkuseg keeps many
    two-character names as one word (记者邵瑞)."""
    name = name_at(text, i, is_word=is_word)
    if not name:
        return None
    if person_at is not None:
        return name if person_at(i) is not None else None
    if name[0] in AMBIGUOUS_SURNAMES or (is_word is not None and is_word(i, i + 2)):
        return None
    after = text[i + len(name):i + len(name) + 1]
    if len(name) == 2 and after and after not in AFTER_NAME and re.match("[" + HAN + "]", after):
        return None
    return name


def _deputy(title: Title, before: Title) -> Title:
    """A bare post right after another official's name takes the body of that
    official's title when the post is the same: 督导组组长甲、副组长乙 makes
    乙 督导组副组长, at the same place."""
    mine, theirs = BARE_POST.search(title.title), BARE_POST.search(before.title)
    if not mine or not theirs or mine.group() != title.title or post_head(mine.group()) != post_head(theirs.group()):
        return title
    return Title(before.title[:theirs.start()] + title.title, before.place, before.organization)


def _name_ends(text: str, j: int, is_word) -> bool:
    """Does a name end right before ``text[j]``: punctuation, a word that follows names, or the segmenter says so."""
    if j >= len(text) or text[j] in LIST_END or text[j] in AFTER_NAME or text[j:j + 2] in WORDS_AFTER_NAME:
        return True
    return is_word is not None and any(is_word(j, j + k) for k in (2, 3, 4))


def _names_after(text: str, end: int, is_word, confirmed, name_here) -> list[tuple[int, str]]:
    """``、乙、丙`` right after an official's name ending at ``end``: further
    names sharing the title (县领导甲、乙、丙陪同). Each must be a whole name
    up to the next 、 or a clause end, not a title itself (…、副组长丁), and
    ``confirmed(start, name)``."""
    out = []
    pos = end
    while pos < len(text) and text[pos] == "、":
        if UNIT_RE.match(text, pos + 1):
            break
        other = name_here(pos + 1)
        if not other or not _name_ends(text, pos + 1 + len(other), is_word) or not confirmed(pos + 1, other):
            break
        out.append((pos + 1, other))
        pos += 1 + len(other)
    return out


_BEFORE_LISTED_NAME = set("、，,：:；;。 \u3000\n")


def _name_ending(text: str, end: int, person_at=None, titled: bool = False) -> tuple[int, str] | None:
    """The whole name that ends at ``end`` and stands alone as an item (after punctuation or at the
    start): a Han name (surname rule) or a transliterated one (格桑邓珠). ``titled``: the posts in brackets
    right after it (图雅（苏木党委副书记）) are evidence enough for a short transliterated name, as a
    statistical tagger's would be."""
    for length in (3, 2, 4, 5, 6, 7, 8):
        s = end - length
        if s < 0 or (s > 0 and text[s - 1] not in _BEFORE_LISTED_NAME):
            continue
        piece = text[s:end]
        tagged = length if titled else person_at(s) if person_at is not None and length < 4 else None
        if name_at(text, s, stop=set()) == piece or transliterated_name_at(text, s, tagged) == piece:
            return s, piece
    return None


def _names_before(text: str, end: int) -> list[tuple[int, str]]:
    """``杨洪涛、张传忠`` ending at ``end``: each piece must end in a name."""
    out = []
    pos = end
    while pos > 0:
        hit = None
        for length in (3, 2, 4):
            s = pos - length
            if s >= 0 and name_at(text, s, stop=set()) == text[s:pos]:
                hit = (s, text[s:pos])
                break
        if not hit:
            break
        out.append(hit)
        if hit[0] > 0 and text[hit[0] - 1] == "、":
            pos = hit[0] - 1
            continue
        break
    return list(reversed(out))
