"""The vocabulary of programmes: the heads a programme's name ends in (专项整治, 工作法, 大讲堂), the verbs that
introduce one (开展, 推行, 创新实施), the words after a quoted name that make it something else (要求, 精神,
称号), and the shapes of slogans, facilities and goals that are not programmes.
:mod:`kg.extract.rules.programmes` builds its patterns from these.

Sources: the words local-government campaign reports of the genre use to name their campaigns, initiatives,
mechanisms and recurring activities (the kinds, not the names: 专项行动, 集中整治, 攻坚战, 大讲堂, 活动月,
文化节, X长制), and the annotation guidelines' exclusions (slogans, requirements, facilities, honours).

>>> is_distributive("一村一辅警"), is_distributive("一心一意"), is_distributive("一岗双责"), is_distributive("一集一个故事")
(True, False, False, False)
"""
from __future__ import annotations

import re

HAN = r"\u4e00-\u9fff"

# Heads a quoted name may be followed by (“强村富民”工程, “数字赋能”三年行动计划, “三比三争”大比武).
# Longest first where one ends another, so the pattern takes 行动计划 over 行动.
FESTIVALS = ("文化节", "艺术节", "旅游节", "读书节", "体育节", "丰收节", "美食节", "采摘节", "民俗节", "科技节",
             "志愿服务节")
# 大 + an activity: a mass campaign of visits, surveys, debates or drills (作风建设大讨论, “三比三争”大比武).
MASS_ACTIVITIES = ("大讨论", "大比武", "大练兵", "大走访", "大调研", "大排查", "大宣讲", "大比拼", "大会战", "大清查",
                   "大家访", "大接访", "大整治", "大提升")
HEADS = ("专项整治", "专项行动", "专项斗争", "专项治理", "集中整治", "集中行动", "实践活动", "实践行动", "主题活动",
         "系列活动", "建设年活动", "年活动", "活动月", "活动周", "宣传月", "宣传周", "服务月", "服务周", "行动计划",
         "专题教育", "学习教育", "主题教育", "活动", "行动", "工程", "机制", "模式", "工作法", "工作清单", "清单",
         "大讲堂", "讲堂", "讲坛", "课堂", "论坛", "专项工作", "栏目", "专栏", "格局", "架构", "组织生活", "为民服务工作", "为民服务",
         "攻坚战", "保卫战", "品牌", "计划", "宣讲", "实事项目", "制度", "改革", "竞赛", "大赛", "警示教育", "创建活动", "体系") \
    + MASS_ACTIVITIES + FESTIVALS + ("主题党日", "党日", "夜校", "接待日", "恳谈日", "学习日", "开放日", "服务日",
                                     "议事会", "恳谈会", "夜话", "微课堂", "流动讲堂", "党课", "经验", "议事法", "调解法",
                                     "志愿服务项目", "服务项目", "公益项目", "民生项目", "承诺制", "积分制", "责任制",
                                     "负责制", "包保制", "销号制", "代办制", "轮值制")
# Recurring days, evening schools and open talks: a quote ending in one is a programme by itself (“书记接待日”,
# “纪法夜校”, “院坝议事会”); after a quote they complete its name (“初心周五”主题党日). A named party lesson
# (“河畔党课”) and a named model of governance (“枫桥经验”, “后陈经验”) likewise.
# A method named for how it debates or mediates (“四议两公开”议事法, “老娘舅”调解法) is one like 工作法; a project of
# service (“青春护航”志愿服务项目) and a responsibility or points system (“公开承诺”承诺制, “一线”销号制) likewise.
# Heads that make a name without quotes after an introducing verb (开展违反中央八项规定精神专项整治, 开展作风建设大讨论).
STRONG_HEADS = ("专项整治", "专项行动", "专项斗争", "专项治理", "集中整治", "实践活动", "主题活动", "攻坚战", "保卫战",
                "大讲堂", "工程", "专题教育", "行动计划") + MASS_ACTIVITIES
# Heads that add nothing to the name before them: “三单两榜”为民服务工作 is the programme 三单两榜.
GENERIC_HEADS = ("活动", "为民服务工作", "为民服务", "工作")
# A brand is its quoted name: 打造“石榴籽”党建品牌 is the programme 石榴籽.
BRAND_HEADS = ("品牌",)
# What a quote ending in a head names is a programme by itself (“田埂大讲堂”, “实事清单”, “全民阅读活动月”).
# Not 清单: a list is also what a quote turns into (变成群众的“幸福清单”); not the heads that are common nouns too.
SELF_HEADS = tuple(h for h in HEADS if h not in ("活动", "行动", "宣讲", "计划", "格局", "架构", "体系", "品牌", "栏目", "专栏",
                                                  "论坛", "改革", "竞赛", "大赛", "清单", "工作清单"))
# Verbs that introduce a programme, longest first where one ends another.
VERBS = ("创新推出", "组织开展", "部署开展", "深入开展", "深入推进", "深入实施", "扎实推进", "全面推进", "持续打好",
         "创新实施", "创新开展", "全面推行", "全面实施",
         "开展", "推出", "实施", "启动", "推行", "深化", "打造", "发起", "举办", "推进", "构建", "建立", "实行", "开创",
         "探索", "创建", "开设", "打好", "打赢", "创新", "形成", "开办", "创办", "推广", "试行", "打响", "设立", "依托", "试点",
         "办起", "叫响", "擦亮", "做实", "开通")
# After an introducing verb and a quote, a plain noun of how the programme is run may stand before the clause ends:
# 推行“一户一档”动态管理， 实施“一企一策”精准帮扶， 推出“周三不见面审批”服务。
MANNER = ("服务", "管理", "帮扶", "办理", "审批", "调解", "宣讲", "巡查", "走访", "结对", "包联", "建设", "议事", "治理")
# What a list of quotes may end in that makes each a programme (“清洁家园”“文明餐桌”等志愿服务).
LIST_ENDS = ("活动", "行动", "工程", "项目", "品牌", "载体", "举措", "工作法", "模式", "机制", "志愿服务", "宣讲",
             "课堂", "栏目", "节目", "形式", "方式", "渠道")
# 以“X”为抓手: the quote is the means the city works through, a programme.
MEANS = ("抓手", "载体", "主线", "牵引", "切入点", "突破口", "引领", "统领", "龙头")
# Words after a quote that make it a requirement, an idea, a problem or an honour, not a programme.
NOT_AFTER = ("要求", "总要求", "精神", "理念", "思想", "意识", "问题", "难题", "意见", "标准", "目标", "原则", "作风",
             "方针", "战略", "称号", "荣誉", "指示", "讲话", "重要", "的要求", "之星", "标兵", "奖", "字")
# A quoted facility or body is not a programme (非公党建服务站, 爱心驿站).
FACILITY_ENDS = ("站", "中心", "室", "馆", "所", "驿站", "基地", "平台", "窗口", "热线", "公园", "广场", "大厦")
# A quoted goal or image the city works towards is not a programme by itself (营商环境“升级版”, “15分钟生活圈”,
# “红色名片”): it needs a head.
GOAL_ENDS = ("版", "圈", "带", "高地", "名片", "样板", "标杆", "典范", "堡垒", "屏障", "引擎", "新高", "开门红", "局面",
             "城市", "之城", "强市", "强县")
# The genre's metaphors for how work is done (打好“组合拳”, 项目建设“加速跑”, 当好“店小二”): images, not programmes.
METAPHORS = ("组合拳", "加速跑", "加速度", "快车道", "硬骨头", "试金石", "店小二", "主力军", "排头兵", "领头雁", "头雁",
             "压舱石", "定盘星", "主心骨", "贴心人", "娘家人", "金钥匙", "风向标", "指挥棒", "助推器", "催化剂",
             "最后一公里", "先手棋", "当头炮", "动车组", "火车头", "桥头堡", "晴雨表", "度量衡", "绣花针",
             "一盘棋", "一张网", "一站式", "一条龙", "全链条", "零距离", "面对面", "心连心", "手拉手")
# Four-character idioms of the shape 一X一Y (一心一意, 一点一滴): not a distributive rule like “一企一策”.
IDIOMS_ONE_ONE = ("一心一意", "一点一滴", "一朝一夕", "一言一行", "一草一木", "一砖一瓦", "一针一线", "一丝一毫",
                  "一举一动", "一五一十", "一生一世", "一饮一啄", "一颦一笑", "一字一句", "一板一眼", "一模一样",
                  "一年一度", "一来一回", "一唱一和", "一张一弛")
# A team formed under a quoted brand (组建“江汉先锋”志愿服务队, 成立“彝家姊妹”宣讲队) makes the brand a programme; a team
# named for what it talks about (“百年党史”宣讲团, “党纪法规”宣讲队) does not.
TEAM_NOUNS = ("志愿服务队", "志愿者服务队", "志愿者队伍", "志愿队", "服务队", "宣讲队", "宣讲团", "宣讲小分队", "小分队", "突击队",
              "先锋队", "轻骑兵", "队伍")
TEAM_TOPICS = ("党史", "党纪", "理论", "政策", "法律", "法治", "精神", "全会")
FORMING_VERBS = ("组建", "成立", "打造", "组织", "建立", "组成", "培育")
# Verbs of drawing up or taking on a list (列出“实事清单”, 认领“好事清单”).
LISTING_VERBS = ("列出", "认领", "建立", "梳理", "形成", "制定", "推行", "晒出", "公布", "开出", "建好", "用好")
# The campaign for an honour (“全国文明城区”创建) is the honour's, not a programme: honours start with their grantor.
HONOUR_START = ("全国", "全省", "全市", "国家", "省级", "市级", "中国")
# What a four-character modifier of 行动 is when it says the kind of action, not its name (集中整治行动, 联合执法行动,
# 巡逻防控行动): a manner word first, or a verb of enforcement or plain work last.
ACTION_MANNERS = ("联合", "集中", "专项", "统一", "全面", "大型", "综合", "突击", "专门", "系列", "各类", "各项", "一次", "多次",
                  "常态")
ACTION_KINDS = ("整治", "检查", "排查", "执法", "巡查", "督查", "打击", "清查", "清理", "整顿", "防控", "巡逻", "救援", "处置",
                "宣传", "调研", "走访", "帮扶")
# Words ending in 进 that are not X进Y (推进, 促进, 引进, 先进): the character before 进.
VERBS_WITH_JIN = "推促引先跟增改精前后并奋挺迈上激演渐共"
# X长制: a post-holder responsibility system (路长制, 街长制, 田长制) — except words ending in 长制 that are not one.
CHIEF_SYSTEM = re.compile(r"[" + HAN + r"]{1,3}长制")

# Words a name found without quotes never starts with: a scope (全市, 各级), this/that (此次, 该), a list's
# collective (一系列, 各项) or a celebration's verb (庆祝, 纪念) — 在此次活动中, 在庆祝建党百年系列活动中.
SCOPES = ("庆祝", "纪念", "迎接", "各级", "各地", "本次", "此次", "这次", "该", "各类", "各项", "一系列", "系列", "相关",
          "有关")
# The genre's destinations of a practice named X进Y (在职党员进社区, 法律进校园, 文化进万家).
DESTINATIONS = ("社区", "农村", "乡村", "企业", "校园", "学校", "家庭", "万家", "基层", "网格", "小区", "园区", "机关",
                "军营", "村居", "农家", "田间", "课堂", "景区", "工地", "寺庙", "医院", "车间", "楼栋", "党校", "商圈")
# The last words of a plain activity, the work itself rather than a name for it (调查研究, 志愿服务, 项目建设,
# 疫情防控): without quotes, a phrase ending in one is not a programme.
PLAIN_WORK_ENDS = ("工作", "建设", "发展", "问题", "管理", "服务", "治理", "改革", "教育", "学习", "宣传", "调研", "研究",
                   "培训", "活动", "精神", "要求", "任务", "创新", "党建", "项目", "产业", "实践", "慰问", "走访", "纪念",
                   "庆祝", "文体", "评选", "比赛", "演出", "系列", "防控", "防汛", "抗旱", "救灾", "保障", "监管", "执法",
                   "检查", "排查", "整改")
# Modifiers that make X工程 a kind, not a name (重点工程, 重大工程, 十大工程).
KIND_MODIFIERS = re.compile(r"^(?:重点|重大|各项|有关|相关|这项|该项|基础设施|十大|[一二三四五六七八九十]+[大项个])")


def is_distributive(name: str) -> bool:
    """一X一Y(一Z): a rule applied per unit (一村一辅警, 一企一策, 一人一年一宣讲), not an idiom (一心一意)."""
    return bool(re.fullmatch(r"(?:一[" + HAN + r"]{1,3}){2,3}", name)) and name not in IDIOMS_ONE_ONE \
        and not re.search("一[个名位件集期次]", name[1:])  # 一集一个故事: a format, counted, not a rule per unit
