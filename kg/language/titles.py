"""The vocabulary of posts: the organizations, departments and post words a
title is made of (市委 + 副 + 书记, 统战部 + 部长), national posts, the words of
people who are not officials (村民, 记者), and the words that put a post in
the past (烈士, 红军). :mod:`kg.extract.rules.officials` builds its patterns
from these; the segmenter's user dictionary takes its title words from here.

Sources: the post names of the Party's and the state's organization law and
the Party constitution (书记/副书记/常委, 市长/县长/乡长, 主任/主席, 部长/局长),
and the words the seed reports use for people outside those posts.

>>> post_head("常务副市长"), post_head("副书记"), post_head("常委"), post_head("代县长")
('市长', '书记', '常委', '县长')
"""
from __future__ import annotations

import re

# Bodies a post belongs to (市委, 镇党委, 县人大常委会), longest-first where one contains another.
ORGANIZATIONS = ("党委", "党工委", "党组", "党支部", "党总支", "总支", "支部", "纪委监委", "纪委", "监委会", "监委", "政法委",
                 "人大常委会", "人大", "政协", "人民政府", "政府", "村委会", "居委会", "委员会", "管委会", "工委",
                 # the mass organizations the party leads, each with its post-holders (县妇联主席, 团县委书记)
                 "团委", "妇联", "总工会", "工会", "科协", "残联", "文联", "侨联", "工商联", "红十字会", "委")
# Departments of a body (市委组织部, 县教育局): the named ones, or any short name
# ending in one of the suffixes of a state working unit: a bureau, an office, a
# section, a working group, a court (县住建局物管科, 市文明办, 巡回督导组,
# 驻村工作队, 中级人民法院, 便民服务中心). Not 队 or 院 alone: 志愿服务队 and
# 医院 are not state bodies.
DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委", "办公室", "办事处", "人武部", "武装部")
DEPARTMENT_SUFFIXES = ("局", "科", "股", "室", "办", "组", "所", "站", "庭", "中心", "工作队", "法院", "检察院")
# Characters that never stand inside a department's name: particles, prepositions
# and the verbs that put a post on someone (担任/任/由), so 由督导组组长 stays 督导组组长.
NOT_IN_DEPARTMENT = "的了在和与及是为对把被从向等各任由到兼"
# The post itself. A longer post comes before one it contains (第一书记 before 书记).
POSTS = ("总书记", "第一书记", "书记", "支书", "常委", "市长", "县长", "区长", "省长", "镇长", "乡长", "村长", "盟长",
         "旗长", "州长", "主席", "主任", "部长", "局长", "组长", "秘书长", "检察长", "院长", "厅长", "处长", "委员",
         "科长", "股长", "所长", "站长", "庭长",
         # the heads of a gacha and of a sumu in Inner Mongolia (嘎查达 = 村委会主任, 苏木达 = 苏木长 = 乡长)
         "嘎查达", "苏木达", "苏木长", "嘎查长")
# Post words that name a person only after the body they belong to (党组成员,
# 县领导, 工作队队长, 行署专员): alone, 成员 and 领导 are ordinary nouns (班子成员,
# 领导干部), a 队长 may lead a volunteer team, a 专员 be any staff member.
QUALIFIED_POSTS = ("成员", "领导", "队长", "专员")
# Bodies outside the party and the state: their heads (业委会主任, 公司董事长,
# 合作社理事长) are persons with this role, not officials.
NON_STATE_BODIES: dict[str, str] = {
    "业委会": "resident", "业主委员会": "resident", "公司": "entrepreneur", "集团": "entrepreneur",
    "合作社": "entrepreneur", "商会": "entrepreneur", "协会": "association", "医院": "doctor", "学校": "teacher",
}
# Words before a post word that make it a deputy, executive, full-time or acting post: 副书记, 常务副市长,
# 专职副书记, 代县长. The deputy's 副 last.
RANK_PREFIXES = ("常务", "专职", "代", "副")
# The working groups a committee sends (市委第三巡回指导组, 县纪委监委第二巡察组): a bare 指导组组长 later in a text
# is the one named before.
GROUP_KINDS = ("指导组", "督导组", "巡视组", "巡察组", "巡回组", "工作组", "检查组", "调研组", "考核组")
# Posts of the national leadership, written after the name (习近平总书记).
NATIONAL_POSTS = ("总书记", "总理", "副总理", "委员长", "国家主席")
# Titles common enough to keep whole in the segmenter's dictionary.
COMMON_TITLES = ("市委书记", "市委副书记", "市委常委", "省委常委", "县委书记", "区委书记", "村党委书记", "党支部书记")

# A clause with these words speaks of the past: a post there makes a historical person.
HISTORICAL_WORDS = ("时期", "年代", "战争", "烈士", "先烈", "旧址", "生前", "已故", "革命家", "老一辈", "当年", "红军",
                    "解放前", "抗战", "抗日")
# Named persons who are not officials, by the role word before the name → the Person's role.
ROLES: dict[str, str] = {
    "村民党员": "party member", "老党员": "party member", "党员": "party member", "村民": "villager",
    "居民": "resident", "市民": "resident", "农民": "villager", "志愿者": "volunteer",
    "记者": "reporter", "通讯员": "reporter", "网格员": "resident", "企业家": "entrepreneur",
    "音乐家": "historical", "画家": "artist", "作家": "writer", "老师": "teacher", "教师": "teacher",
    "医生": "doctor", "游客": "visitor", "宣讲员": "speaker", "责任编辑": "editor", "编辑": "editor",
    # Heads of companies and cooperatives hold no party or state post.
    "董事长": "entrepreneur", "总经理": "entrepreneur", "理事长": "entrepreneur", "合作社社长": "entrepreneur",
}

# The rank before a post word, as a pattern: (常务|专职|代)?副?
RANK_PATTERN = "(?:" + "|".join(RANK_PREFIXES[:-1]) + ")?" + RANK_PREFIXES[-1] + "?"
_RANK = re.compile("^" + RANK_PATTERN)


def post_head(title: str) -> str:
    """The title without its rank prefix: 常务副市长 → 市长, 副书记 → 书记.

    Only the prefix goes: ``str.lstrip("常务副")`` would strip any of those
    characters and turn 常委 into 委.
    """
    return _RANK.sub("", title, count=1)


def alternation(words) -> str:
    """A non-capturing regex alternative of literal words, in the order given."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"
