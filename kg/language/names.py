"""What bounds a Chinese personal name in running text.

A name is a surname (``data/surnames.txt``) and one or two given characters,
written with no space before the next word, so its right edge is found from
what usually follows a name: a verb, a preposition or a particle (李猛带领,
张涛对, 周辉在), or a common two-character word that begins right after a
two-character name (王凯|强调, 周辉|指出). :mod:`kg.extract.rules.names` applies these.
"""
from __future__ import annotations

# Characters that end a name when they follow a two-character name: verbs,
# prepositions and particles that typically come right after a person
# (李猛带领, 张涛对, 周辉在, 王萌深受, 田华帮).
# Not 欣, a common given name on its own (王欣参加); the words it begins after a name (欣慰, 欣然) are in
# WORDS_AFTER_NAME. 正, 进 and 来 are given names too (李正, 张进, 王春来) but follow names as verbs at least as
# often (王强正带队, 李明进企业, 王强来调研): they stay, and GIVEN_ALONE and the segmenter keep the names.
AFTER_NAME = frozenset(
    "带率到对将在说结聚等和与及同也就为是的了向出认要来去参深听调走看一多亲代提作把以从通当会则又主表指召任兼副"
    "于被给让已曾正都共分即后再还亦讲视慰检座致并赴前专重批介宣进开实督研现入着们称感回接谈告表用指"
    "代负组分牵部这那其该每各作带领帮"
)
# Characters of AFTER_NAME that are common single given names: a name of one given character may end in them
# (李正表示, 张进出席, 王来参加).
GIVEN_ALONE = frozenset("正进来")
# Words that commonly begin right after a two-character name and whose first
# character is also common as a name's last character (强, 希, 围 ...): 王凯强调 is
# 王凯 + 强调. Reporting verbs and the verbs of a visit; a verb whose first
# character is already in AFTER_NAME (指出, 表示, 要求) needs no entry here.
WORDS_AFTER_NAME = frozenset((
    "强调", "希望", "围绕", "肯定", "充分", "叮嘱", "嘱咐", "寄语", "勉励", "鼓励", "号召", "坦言", "直言",
    "透露", "解释", "答复", "发言", "点评", "总结", "布置", "安排",
    "陪同", "察看", "查看", "询问",
    "协调", "书记", "主任", "强化", "明确", "先后",
    "欣慰", "欣然", "欣喜",
    # 全 ends many given names (宋德全); 全 + a scope starts the next word (王明全市…).
    "全市", "全县", "全区", "全省", "全旗", "全州", "全盟", "全镇", "全乡", "全村", "全体", "全面", "全力", "全程",
    "全国", "全部", "全年",
))
# Surname characters far more often a conjunction or preposition right after a
# title or role word (市领导和乡镇干部, 书记向大家介绍): they start a name only
# when a statistical tagger says so (kg.extract.ner).
AMBIGUOUS_SURNAMES = frozenset("和向")
# The verbs of reporting and leading that follow an official's name (巴特尔介绍, 宝音带领): the clearest end of a name.
REPORTING_VERBS = ("带领", "介绍", "表示", "指出", "主持", "讲话", "要求", "汇报", "告诉", "参加", "出席", "陪同", "强调", "说")
# Function characters never inside a name (关于党 is not a person).
NOT_IN_NAME = frozenset("的了于在和与及是为对把被从向们这那个之其等各每本该所以而但或就也都")
# ... except as the first character of a given name, where they are common and never a preposition after a bare
# surname (钟向阳, 李向东, 张为民, 李为群).
FIRST_GIVEN_OK = frozenset("向为")
# A given name of these characters only is a name withheld (储某某, 王某: an offender in a case a
# discipline body reports): no one to put in the graph.
WITHHELD = frozenset("某")
# Unit words a two-character name never ends in: 州领导包县、乡领导包村 is the practice 包联 (a leader takes
# charge of a county, a village), not persons named 包县, 包村.
UNIT_AS_GIVEN = frozenset("县乡村区市")
# Characters of the Chinese transliterations of Mongolian, Uyghur, Kazakh, Tibetan and Yi personal names, as
# Xinhua's transliteration tables (《蒙古语/维吾尔语/藏语人名汉字音译规则》) and the press of the autonomous regions
# and prefectures write them (巴特尔, 额尔敦毕力格, 图门吉日嘎拉, 买买提·依明, 吾斯曼·阿不力孜, 格桑多吉, 次仁旺堆;
# Tibetan of Kham and Amdo: 才让, 拉姆, 降央, 益西, 邓珠, 呷绒, 措/错; Yi of Liangshan: 阿苦, 俄木, 惹, 且, 伍, 史, 沙马). Such names have no
# Han surname, so the surname rule misses them; a run of these characters right after a title is a name
# when it is joined by ·, four characters or longer, or a statistical tagger sees a person there.
TRANSLITERATION = frozenset(
    "阿艾爱安昂敖奥巴白拜班邦包宝保贝本毕必边别宾波伯博布才采仓策查察朝彻辰成赤楚次措达大代丹旦道德登迪"
    "丁顶东冬都杜敦顿多朵额恩尔法帕佩盆彭普其奇齐旗钦琴青庆穷秋曲确热仁日荣如儒萨塞赛桑色森沙善尚舍什"
    "斯苏素索塔太泰坦唐陶特腾提天铁通图吐土托瓦外旺威维温文翁乌吾武西希锡夏香肖谢欣新兴秀玄雅亚扬央"
    "叶伊依义音银英尤友玉元月云扎札增占召哲珍正孜宗卓珠加嘉贾江金晋吉极吉嘎噶甘冈岗高戈格根贡古固"
    "哈海汗杭浩合何和赫洪呼胡花华欢黄惠火卡凯坎康考柯科克肯孔库夸拉腊来赖兰朗勒雷力立丽利莲良列林"
    "琳伦罗洛玛麦买满曼毛梅美门蒙孟米密敏明莫默木穆那纳娜乃南尼努诺帕潘平其强群然任若沙尚舒顺松"
    "逊牙延尧耶依夷因尹永尤于余宇扎泽章真孜堆杰觉琼乐楞都顺娃娅喜赉沁尕肉约居则守敏迪里班甫汗不乎"
    "让姆绒呷降益邓错毅俄苦惹且伍果比史马"
)
# Words that start with a surname character but are not names (任组长, 党员, 高度).
NOT_NAME_START = ("组长", "副组", "书记", "主任", "部长", "委员", "成员", "领导", "干部", "党员", "群众", "同志",
                  # words a surname character starts (代表, 权力, 权益)
                  "代表", "代理", "代办", "代为", "权力", "权益", "权利", "权责")
# Words a surname character begins that end no name only where they start at the surname itself (王成为 may still be
# 王成 + 为): a surname and 为 as one word (成为, 尤为, 广为); 全 and 盘 words after a post (纪委书记全员参与, 书记盘活
# 资源); 来 as the verb of a visit (总书记来过之后).
NOT_NAME_AT_SURNAME = ("成为", "尤为", "广为", "全员", "全体", "全面", "全力", "全部", "全程", "全域", "全过程", "盘活",
                       "盘点", "来过", "来到", "来自", "来此", "来村", "来我")
