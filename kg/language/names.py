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
AFTER_NAME = frozenset(
    "带率到对将在说结聚欣等和与及同也就为是的了向出认要来去参深听调走看一多亲代提作把以从通当会则又主表指召任兼副"
    "于被给让已曾正都共分即后再还亦讲视慰检座致并赴前专重批介宣进开实督研现入着们称感回接谈告表用指"
    "代负组分牵部这那其该每各作带领帮"
)
# Words that commonly begin right after a two-character name and whose first
# character is also common as a name's last character (强, 希, 围 ...): 王凯强调 is
# 王凯 + 强调. Reporting verbs and the verbs of a visit; a verb whose first
# character is already in AFTER_NAME (指出, 表示, 要求) needs no entry here.
WORDS_AFTER_NAME = frozenset((
    "强调", "希望", "围绕", "肯定", "充分", "叮嘱", "嘱咐", "寄语", "勉励", "鼓励", "号召", "坦言", "直言",
    "透露", "解释", "答复", "发言", "点评", "总结", "布置", "安排",
    "陪同", "察看", "查看", "询问",
    "协调", "书记", "主任", "强化", "明确",
))
# Surname characters far more often a conjunction or preposition right after a
# title or role word (市领导和乡镇干部, 书记向大家介绍): they start a name only
# when a statistical tagger says so (kg.extract.ner).
AMBIGUOUS_SURNAMES = frozenset("和向")
# Function characters never inside a name (关于党 is not a person).
NOT_IN_NAME = frozenset("的了于在和与及是为对把被从向们这那个之其等各每全本该所以而但或就也都")
# Words that start with a surname character but are not names (任组长, 党员, 高度).
NOT_NAME_START = ("组长", "副组", "书记", "主任", "部长", "委员", "成员", "领导", "干部", "党员", "群众", "同志")
